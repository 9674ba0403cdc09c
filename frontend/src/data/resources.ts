import { placeIds, type ResourceCategory, resourceCategoryIds } from "@cluster/core/reference";
import type {
  CatalogueEntry,
  CreateListing,
  CreateResponse,
  DeclineResponse,
  HideListing,
  Ledger,
  Listing,
  Match,
  ResponseDetail,
  ResponseView,
  UpdateListing,
} from "@cluster/core/resource/schema";
import { action, query } from "@solidjs/router";
import { ApiError, api, type Page, queryString, type RawBody } from "./api";
import { oneOf, type SearchParams, textParam } from "./params";

export type ListingKind = Listing["kind"];
export type ListingPlace = Listing["place"];

export type CatalogueFilters = {
  kind?: ListingKind;
  category?: ResourceCategory;
  place?: ListingPlace;
  q?: string;
};

export const listingKinds: ListingKind[] = ["offer", "request"];

export const catalogueFilters = (search: SearchParams): CatalogueFilters => ({
  kind: oneOf<ListingKind>(listingKinds, search.kind),
  category: oneOf<ResourceCategory>(resourceCategoryIds, search.category),
  place: oneOf<ListingPlace>(placeIds, search.place),
  q: textParam(search.q),
});

export const pageSize = 20;

export const getResources = query(
  (filters: CatalogueFilters, cursor?: string, limit = pageSize) =>
    api.get<Page<CatalogueEntry>>(`/api/resources${queryString({ ...filters, cursor, limit })}`),
  "resources",
);

export type ListingView = { listing: Listing; canEdit: boolean };

/** Null when the listing does not exist or is not visible to this person (someone else's draft). */
export async function fetchResource(id: string): Promise<ListingView | null> {
  try {
    return await api.get<ListingView>(`/api/resources/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** The same, cached by the router (and revalidated by every action). */
export const getResource = query(fetchResource, "resource");

export const getMyResources = query(
  () => api.get<{ items: Listing[] }>("/api/resources/mine"),
  "my-resources",
);

export const createResource = action(
  (input: CreateListing) => api.post<Listing>("/api/resources", input),
  "create-resource",
);

export const updateResource = action(
  (id: string, input: UpdateListing) => api.patch<Listing>(`/api/resources/${encodeURIComponent(id)}`, input),
  "update-resource",
);

export const publishResource = action(
  (id: string, version: number) =>
    api.post<Listing>(`/api/resources/${encodeURIComponent(id)}/publish`, { version }),
  "publish-resource",
);

export const withdrawResource = action(
  (id: string, version: number) =>
    api.post<Listing>(`/api/resources/${encodeURIComponent(id)}/withdraw`, { version }),
  "withdraw-resource",
);

export const completeResource = action(
  (id: string, version: number) =>
    api.post<Listing>(`/api/resources/${encodeURIComponent(id)}/complete`, { version }),
  "complete-resource",
);

export const hideResource = action(
  (id: string, input: HideListing) =>
    api.post<Listing>(`/api/resources/${encodeURIComponent(id)}/hide`, input),
  "hide-resource",
);

export const getMatches = query(
  (id: string) => api.get<{ items: Match[] }>(`/api/resources/${encodeURIComponent(id)}/matches`),
  "resource-matches",
);

/* Responses: a member's answer to a listing, its conversation and the handover. */

export const getResponsesTo = query(
  (listingId: string) => api.get<{ items: ResponseView[] }>(`/api/responses${queryString({ listingId })}`),
  "responses-to",
);

export const getMyResponses = query(
  () => api.get<{ items: ResponseView[] }>("/api/responses/mine"),
  "my-responses",
);

export const getResponse = query(
  (id: string) => api.get<ResponseDetail>(`/api/responses/${encodeURIComponent(id)}`),
  "response",
);

export const respond = action(
  (input: CreateResponse) => api.post<ResponseView>("/api/responses", input),
  "respond",
);

const responseStep = (step: "accept" | "decline" | "fulfil" | "cancel") =>
  action(
    (id: string, input: DeclineResponse) =>
      api.post<ResponseView>(`/api/responses/${encodeURIComponent(id)}/${step}`, input),
    `${step}-response`,
  );

export const acceptResponse = responseStep("accept");
export const declineResponse = responseStep("decline");
export const fulfilResponse = responseStep("fulfil");
export const cancelResponse = responseStep("cancel");

export const postResponseMessage = action(
  (id: string, text: string) =>
    api.post<ResponseDetail>(`/api/responses/${encodeURIComponent(id)}/messages`, { text }),
  "response-message",
);

export type LedgerFilter = { organisationId?: string; from?: string; to?: string };

export const getLedger = query(
  (filter: LedgerFilter) => api.get<Ledger>(`/api/ledger${queryString(filter)}`),
  "ledger",
);

export const addPhoto = action(
  (id: string, file: RawBody) =>
    api.postFile<Listing>(`/api/resources/${encodeURIComponent(id)}/photos`, file),
  "add-photo",
);

export const removePhoto = action(
  (id: string, photoId: string) =>
    api.delete<Listing>(`/api/resources/${encodeURIComponent(id)}/photos/${encodeURIComponent(photoId)}`),
  "remove-photo",
);
