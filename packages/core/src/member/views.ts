import type { EntityItem } from "electrodb";
import * as Search from "../search/index";
import type { OrganisationEntity } from "./entity";
import type { Contacts, DirectoryEntry, Organisation, PublicProfile } from "./schema";

/**
 * How an organisation is shown (to guests, to its managers, in lists) and what the search knows
 * of it: kept apart from the member module so the accounts code can index an organisation's
 * deletion without bundling the rest of it.
 */

export type OrganisationItem = EntityItem<typeof OrganisationEntity>;
type Item = OrganisationItem;

/** Guests see a contact only where the organisation chose to publish it. */
function publicContacts(contacts: Contacts): Contacts {
  return Object.fromEntries(Object.entries(contacts).filter(([, contact]) => contact?.public)) as Contacts;
}

const logoUrl = (item: Item) =>
  item.logoUpdatedAt ? `/api/members/${item.id}/logo?v=${encodeURIComponent(item.logoUpdatedAt)}` : undefined;

export function publicView(item: Item): PublicProfile {
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    shortName: item.shortName,
    inn: item.inn,
    ogrn: item.ogrn,
    spheres: item.spheres as PublicProfile["spheres"],
    municipality: item.municipality as PublicProfile["municipality"],
    description: item.description,
    website: item.website,
    contacts: publicContacts(item.contacts as Contacts),
    demo: item.demo,
    approvedAt: item.approvedAt,
    logoUrl: logoUrl(item),
  };
}

export function fullView(item: Item): Organisation {
  return {
    ...publicView(item),
    contacts: item.contacts as Contacts,
    status: item.status,
    rejectionReason: item.rejectionReason,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export const entryView = (item: Item): DirectoryEntry => ({
  id: item.id,
  kind: item.kind,
  name: item.name,
  shortName: item.shortName,
  spheres: item.spheres as DirectoryEntry["spheres"],
  municipality: item.municipality as DirectoryEntry["municipality"],
  demo: item.demo,
  logoUrl: logoUrl(item),
});

/** What the portal's search knows of an organisation: only approved ones are found. */
export function searchDocument(item: Item): Search.SearchDocument<DirectoryEntry> | undefined {
  if (item.status !== "approved") return undefined;
  return {
    id: item.id,
    title: `${item.name} ${item.shortName ?? ""}`,
    text: item.description,
    at: item.approvedAt ?? item.createdAt,
    filters: { kind: item.kind, municipality: item.municipality, sphere: item.spheres },
    view: entryView(item),
  };
}

/** The search rows' writes that take an organisation from `before` to `after` (absent when deleted). */
export const indexed = (searchTerm: Search.TermWriter, before: Item | undefined, after: Item | undefined) =>
  Search.indexWrites(
    searchTerm,
    "organisations",
    before && searchDocument(before),
    after && searchDocument(after),
  );
