import type { ResourceCategory } from "@cluster/core/reference";
import type { CatalogueEntry, CreateListing, Listing, UpdateListing } from "@cluster/core/resource/schema";
import { action, query } from "@solidjs/router";
import { ApiError, api, type Page, queryString } from "./api";

export type ListingKind = Listing["kind"];
export type ListingPlace = Listing["place"];

export type CatalogueFilters = {
  kind?: ListingKind;
  category?: ResourceCategory;
  place?: ListingPlace;
  q?: string;
};

export const pageSize = 20;

export const getResources = query(
  (filters: CatalogueFilters, cursor?: string) =>
    api.get<Page<CatalogueEntry>>(`/api/resources${queryString({ ...filters, cursor, limit: pageSize })}`),
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
