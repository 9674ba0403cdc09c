import {
  CatalogueEntry,
  CatalogueQuery,
  ChangeStatus,
  CreateListing,
  Listing,
  UpdateListing,
} from "@cluster/core/resource/schema";
import { Page } from "@cluster/core/shared/page";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Банк ресурсов";

export const resourceOperations = operations({
  catalogue: {
    method: "get",
    path: "/api/resources",
    summary: "Published offers and requests, newest first; filter by kind, category, place; search text",
    tag,
    access: "guest",
    query: CatalogueQuery,
    response: Page(CatalogueEntry),
  },
  create: {
    method: "post",
    path: "/api/resources",
    summary: "Create a listing as a draft (requests only on behalf of a member organisation)",
    tag,
    access: "person",
    body: CreateListing,
    response: Listing,
    status: 201,
  },
  mine: {
    method: "get",
    path: "/api/resources/mine",
    summary: "My listings and those of the organisations I represent",
    tag,
    access: "person",
    response: z.object({ items: z.array(Listing) }),
  },
  get: {
    method: "get",
    path: "/api/resources/{id}",
    summary: "A listing (drafts and closed ones only for their authors and coordinators)",
    tag,
    access: "guest",
    response: z.object({ listing: Listing, canEdit: z.boolean() }),
  },
  update: {
    method: "patch",
    path: "/api/resources/{id}",
    summary: "Edit a draft or published listing (optimistic locking by version)",
    tag,
    access: "person",
    body: UpdateListing,
    response: Listing,
  },
  publish: {
    method: "post",
    path: "/api/resources/{id}/publish",
    summary: "Publish a draft: it appears in the catalogue",
    tag,
    access: "person",
    body: ChangeStatus,
    response: Listing,
  },
  withdraw: {
    method: "post",
    path: "/api/resources/{id}/withdraw",
    summary: "Withdraw a listing: it leaves the catalogue",
    tag,
    access: "person",
    body: ChangeStatus,
    response: Listing,
  },
});
