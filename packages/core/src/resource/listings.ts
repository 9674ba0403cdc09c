import type { EntityItem } from "electrodb";
import { type Actor, hasRole, requireCoordinator, requirePerson } from "../actor";
import { pageOptions } from "../db/paging";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, Invalid, NotFound, stale } from "../errors";
import { searchKey } from "../identifiers";
import { deliver, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import { partyOf, represents } from "../member/party";
import * as Search from "../search/index";
import * as Clock from "../shared/clock";
import { moscowToday } from "../shared/dates";
import { ulid } from "../shared/ulid";
import { type CatalogueEntryEntity, type ListingEntity, OPEN_ENDED, openStatuses } from "./entity";
import { announceMatches, reportMatchingFailure } from "./matching";
import type {
  CatalogueEntry,
  CatalogueQuery,
  ChangeStatus,
  CreateListing,
  HideListing,
  Listing,
  UpdateListing,
} from "./schema";
import { db, type ResourceWriters } from "./store";

export type ListingItem = EntityItem<typeof ListingEntity>;
type Item = ListingItem;
type Entry = EntityItem<typeof CatalogueEntryEntity>;

const ANY = "*";

/** The catalogue partition of one filter combination; "*" stands for "any". */
export const facetKey = (kind: string = ANY, category: string = ANY, place: string = ANY) =>
  `k=${kind}|c=${category}|p=${place}`;

/** The eight partitions a published listing appears in: each filter either set to its value or not set. */
function facetsOf(item: Pick<Item, "kind" | "category" | "place">) {
  const keys: string[] = [];
  for (const kind of [item.kind, undefined])
    for (const category of [item.category, undefined])
      for (const place of [item.place, undefined]) keys.push(facetKey(kind, category, place));
  return keys;
}

function entriesOf(item: Item): Entry[] {
  return facetsOf(item).map((facet) => ({
    facet,
    publishedAt: item.publishedAt ?? item.updatedAt,
    listingId: item.id,
    availableFrom: item.availableFrom,
    kind: item.kind,
    category: item.category,
    title: item.title,
    searchText: item.searchText,
    place: item.place,
    quantity: item.remaining ?? item.quantity,
    availableTo: item.availableTo,
    conditions: item.conditions,
    ownerName: item.ownerName,
    organisationId: item.organisationId,
    photoId: item.photoIds?.[0],
  }));
}

/**
 * The eight catalogue rows of a published listing, for writers outside a transaction (the demo
 * seed, the benchmark) that must list it exactly as publishing does.
 */
export const catalogueRowsOf = (item: Item): Entry[] => entriesOf(item);

/** What the portal's search knows of a listing: only published ones are found, as the catalogue shows them. */
function searchDocument(item: Item): Search.SearchDocument<CatalogueEntry> | undefined {
  if (item.status !== "published") return undefined;
  const [entry] = entriesOf(item);
  return {
    id: item.id,
    title: item.title,
    text: item.description,
    at: entry!.publishedAt,
    filters: { kind: item.kind, category: item.category, place: item.place },
    view: entryView(entry!),
  };
}

/** Photo ids are never reused, so their URLs can be cached for good. */
const photoUrl = (listingId: string, photoId: string) => `/api/resources/${listingId}/photos/${photoId}`;

export function view(item: Item): Listing {
  return {
    id: item.id,
    kind: item.kind,
    category: item.category,
    title: item.title,
    description: item.description,
    place: item.place as Listing["place"],
    quantity: item.quantity,
    remaining: item.remaining,
    availableFrom: item.availableFrom,
    availableTo: item.availableTo,
    conditions: item.conditions,
    estimatedValue: item.estimatedValue,
    status: item.status,
    hiddenReason: item.hiddenReason,
    photos: (item.photoIds ?? []).map((photoId) => ({ id: photoId, url: photoUrl(item.id, photoId) })),
    owner: { organisationId: item.organisationId, name: item.ownerName },
    publishedAt: item.publishedAt,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}

export const entryView = (entry: Entry): CatalogueEntry => ({
  id: entry.listingId,
  kind: entry.kind,
  category: entry.category,
  title: entry.title,
  place: entry.place as CatalogueEntry["place"],
  quantity: entry.quantity,
  availableTo: entry.availableTo,
  conditions: entry.conditions,
  owner: { organisationId: entry.organisationId, name: entry.ownerName },
  publishedAt: entry.publishedAt,
  photoUrl: entry.photoId ? photoUrl(entry.listingId, entry.photoId) : undefined,
});

export async function findListing(id: string) {
  const { data } = await db().entities.listing.get({ id }).go({ consistent: true });
  if (!data) throw new NotFound("Объявление не найдено");
  return data;
}

export async function canManage(actor: Actor, item: Item) {
  if (actor.type !== "person") return false;
  if (hasRole(actor, "coordinator") || item.accountId === actor.accountId) return true;
  return Boolean(item.organisationId && (await represents(actor, item.organisationId)));
}

export async function requireManager(actor: Actor, item: Item) {
  const person = requirePerson(actor);
  if (!(await canManage(person, item))) throw new Forbidden("Изменять объявление может только его автор");
  return person;
}

/** A window that has already ended cannot be offered or asked for. */
function requireOpenWindow(availableTo: string | undefined) {
  if (availableTo && availableTo < moscowToday()) {
    throw new Invalid({ availableTo: "Эта дата уже прошла" });
  }
}

const listingFields = (input: UpdateListing | CreateListing) => ({
  category: input.category,
  title: input.title,
  description: input.description,
  searchText: searchKey(`${input.title} ${input.description}`),
  place: input.place,
  quantity: input.quantity,
  availableFrom: input.availableFrom,
  availableTo: input.availableTo,
  closesOn: input.availableTo ?? OPEN_ENDED,
  conditions: input.conditions,
  estimatedValue: input.estimatedValue,
});

/** A new listing starts as a draft: nobody else sees it until it is published. */
export async function create(actor: Actor, input: CreateListing) {
  const person = requirePerson(actor);
  requireOpenWindow(input.availableTo);
  const party = await partyOf(
    person,
    input.organisationId,
    input.kind === "offer"
      ? { personally: true }
      : {
          personally: false,
          refusal: "Запросы размещают организации-участники; частное лицо может только предложить",
        },
  );
  const id = ulid();
  await db()
    .entities.listing.create({
      id,
      kind: input.kind,
      ...listingFields(input),
      remaining: input.quantity,
      ownerKey: party.key,
      ownerName: party.name,
      organisationId: party.organisationId,
      accountId: person.accountId,
      status: "draft",
    })
    .go();
  return view(await findListing(id));
}

/** Published listings are public; drafts and closed ones only for their authors and coordinators. */
export async function get(actor: Actor, id: string) {
  const item = await findListing(id);
  const canEdit = await canManage(actor, item);
  if (!canEdit && !openStatuses.has(item.status)) throw new NotFound("Объявление не найдено");
  return { listing: view(item), canEdit };
}

/**
 * The writes that move a listing from one state to the next, conditional on the version that
 * was read: its catalogue rows follow (rows of partitions it leaves are deleted, the others
 * rewritten). Other changes join them in the same transaction.
 */
export function listingWrites(
  { listing, catalogueEntry, searchTerm }: ResourceWriters,
  current: Item,
  next: Item,
) {
  const before = current.status === "published" ? entriesOf(current) : [];
  const after = next.status === "published" ? entriesOf(next) : [];
  const kept = new Set(after.map((entry) => entry.facet));
  return [
    listing
      .put({ ...next, closesOn: next.availableTo ?? OPEN_ENDED })
      .where(({ version }, { eq }) => eq(version, current.version))
      .commit(),
    ...before
      .filter((entry) => !kept.has(entry.facet))
      .map(({ facet, publishedAt, listingId }) =>
        catalogueEntry.delete({ facet, publishedAt, listingId }).commit(),
      ),
    ...after.map((entry) => catalogueEntry.put(entry).commit()),
    ...Search.indexWrites(searchTerm, "listings", searchDocument(current), searchDocument(next)),
  ];
}

export async function saveListing(current: Item, next: Item, messages: Queued[] = []) {
  try {
    await writeAll(db, (entities) => [
      ...listingWrites(entities, current, next),
      ...messages.map((message) => entities.outbox.create(message).commit()),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  await deliver(messages);
  return findListing(current.id);
}

const editable = new Set<Item["status"]>(["draft", "published", "reserved"]);

/** Units already promised to accepted responses. */
const reservedOf = (item: Item) => (item.quantity ?? 0) - (item.remaining ?? item.quantity ?? 0);

export async function update(actor: Actor, id: string, input: UpdateListing) {
  const current = await findListing(id);
  await requireManager(actor, current);
  if (current.version !== input.version) throw stale();
  if (!editable.has(current.status)) throw new Conflict("Закрытое объявление нельзя изменить", "closed");
  requireOpenWindow(input.availableTo);
  const reserved = reservedOf(current);
  if (reserved > 0 && (input.quantity ?? 0) < reserved) {
    throw new Invalid({ quantity: `Уже забронировано ${reserved}: меньше указать нельзя` });
  }
  const remaining = input.quantity === undefined ? undefined : input.quantity - reserved;
  const status = current.status === "draft" ? "draft" : remaining === 0 ? "reserved" : "published";
  const next = await saveListing(current, {
    ...current,
    ...listingFields(input),
    remaining,
    status,
    version: current.version + 1,
  });
  if (next.status === "published") await announceMatches(next).catch(reportMatchingFailure);
  return view(next);
}

export async function publish(actor: Actor, id: string, { version }: ChangeStatus) {
  const current = await findListing(id);
  await requireManager(actor, current);
  if (current.version !== version) throw stale();
  if (current.status !== "draft") throw new Conflict("Опубликовать можно только черновик", "not_draft");
  requireOpenWindow(current.availableTo);
  const next = await saveListing(current, {
    ...current,
    status: "published",
    publishedAt: Clock.nowIso(),
    version: current.version + 1,
  });
  await announceMatches(next).catch(reportMatchingFailure);
  return view(next);
}

export async function withdraw(actor: Actor, id: string, { version }: ChangeStatus) {
  const current = await findListing(id);
  await requireManager(actor, current);
  if (current.version !== version) throw stale();
  if (!editable.has(current.status)) throw new Conflict("Объявление уже закрыто", "closed");
  return view(await saveListing(current, { ...current, status: "withdrawn", version: current.version + 1 }));
}

/** The owner closes the listing: everything it offered or asked for has been handed over. */
export async function complete(actor: Actor, id: string, { version }: ChangeStatus) {
  const current = await findListing(id);
  await requireManager(actor, current);
  if (current.version !== version) throw stale();
  if (!openStatuses.has(current.status))
    throw new Conflict("Завершить можно только открытое объявление", "closed");
  return view(await saveListing(current, { ...current, status: "fulfilled", version: current.version + 1 }));
}

/** Moderation: a coordinator takes a listing out of sight and tells its owner why. */
export async function hide(actor: Actor, id: string, { version, reason }: HideListing) {
  requireCoordinator(actor);
  const current = await findListing(id);
  if (current.version !== version) throw stale();
  if (current.status === "hidden") throw new Conflict("Объявление уже скрыто", "closed");
  const { data: owner } = await db().entities.account.get({ id: current.accountId }).go();
  const messages = owner
    ? [queued(Templates.listingHidden(owner.email, current.title, current.id, reason))]
    : [];
  return view(
    await saveListing(
      current,
      { ...current, status: "hidden", hiddenReason: reason, version: current.version + 1 },
      messages,
    ),
  );
}

/**
 * The public catalogue, newest first: the filters pick one partition (see facetKey); words go to
 * the portal's search with the same filters.
 */
export async function catalogue(query: CatalogueQuery) {
  const { kind, category, place, cursor, limit } = query;
  if (query.q) {
    return Search.find<CatalogueEntry>("listings", {
      q: query.q,
      filters: { kind, category, place },
      cursor,
      limit,
    });
  }
  const { data, cursor: next } = await db()
    .entities.catalogueEntry.query.byFacet({ facet: facetKey(kind, category, place) })
    .go({ ...pageOptions(cursor, limit, false), order: "desc" });
  return { items: data.map(entryView), cursor: next };
}

/**
 * Indexes the published listings for the search, a page of the catalogue at a time (the
 * migration, the demo seed); `progress` hears how many are done.
 */
export const reindexSearch = (progress?: (done: number) => void) =>
  Search.reindexAll(
    "listings",
    (cursor) => db().entities.catalogueEntry.query.byFacet({ facet: facetKey() }).go({ cursor, limit: 100 }),
    async (entries) => {
      const ids = entries.map(({ listingId }) => ({ id: listingId }));
      const { data: items } = await db().entities.listing.get(ids).go();
      return items.map(searchDocument);
    },
    progress,
  );

/** The listings of the person and of the organisations they represent, newest first. */
export async function mine(actor: Actor) {
  const person = requirePerson(actor);
  const { membership, listing } = db().entities;
  const { data: links } = await membership.query
    .byAccount({ accountId: person.accountId })
    .go({ pages: "all" });
  const owners = [
    `person#${person.accountId}`,
    ...links.map(({ organisationId }) => `org#${organisationId}`),
  ];
  const pages = await Promise.all(
    owners.map((ownerKey) => listing.query.byOwner({ ownerKey }).go({ pages: "all", order: "desc" })),
  );
  return pages
    .flatMap(({ data }) => data)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
    .map(view);
}
