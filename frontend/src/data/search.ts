import type { KnowledgeEntry } from "@cluster/core/consultation/schema";
import type { EventHit } from "@cluster/core/event/schema";
import type { MaterialHit } from "@cluster/core/material/schema";
import type { DirectoryEntry } from "@cluster/core/member/schema";
import type { CatalogueEntry } from "@cluster/core/resource/schema";
import { query } from "@solidjs/router";
import { ApiError, api, type Page, queryString } from "./api";

export type PortalResults = {
  organisations: Page<DirectoryEntry>;
  listings: Page<CatalogueEntry>;
  answers: Page<KnowledgeEntry>;
  events: Page<EventHit>;
  materials: Page<MaterialHit>;
};

/** How many results of each area the results page shows before "all results". */
export const RESULTS_PER_GROUP = 5;

/** The results of every area, or the API's message when the query has nothing to search for. */
export const getPortalSearch = query(async (q: string): Promise<PortalResults | { refusal: string }> => {
  try {
    return await api.get<PortalResults>(`/api/search${queryString({ q, limit: RESULTS_PER_GROUP })}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 422)
      return { refusal: error.fields.q ?? error.message };
    throw error;
  }
}, "portalSearch");
