import { KnowledgeEntry } from "@cluster/core/consultation/schema";
import { EventHit } from "@cluster/core/event/schema";
import { MaterialHit } from "@cluster/core/material/schema";
import { DirectoryEntry } from "@cluster/core/member/schema";
import { CatalogueEntry } from "@cluster/core/resource/schema";
import { PortalSearchQuery } from "@cluster/core/search/schema";
import { Page } from "@cluster/core/shared/page";
import * as z from "zod/mini";
import { operations } from "../http/operation";

export const searchOperations = operations({
  searchPortal: {
    method: "get",
    path: "/api/search",
    summary:
      "Search the whole portal: Russian words in any order and form, the last one as a prefix; the first results of organisations, listings, answered questions, events and library materials",
    tag: "Поиск",
    access: "guest",
    query: PortalSearchQuery,
    response: z.object({
      organisations: Page(DirectoryEntry),
      listings: Page(CatalogueEntry),
      answers: Page(KnowledgeEntry),
      events: Page(EventHit),
      materials: Page(MaterialHit),
    }),
  },
});
