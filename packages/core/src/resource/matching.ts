import type { EntityItem } from "electrodb";
import type { Actor } from "../actor";
import { Canceled, writeAll } from "../db/transaction";
import { NotFound } from "../errors";
import { deliver, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import * as Clock from "../shared/clock";
import type { CatalogueEntryEntity } from "./entity";
import { openStatuses } from "./entity";
import { canManage, entryView, facetKey, findListing, type ListingItem } from "./listings";
import type { Match } from "./schema";
import { db } from "./store";

/**
 * Two-way matching of requests and offers (docs/decisions/010-resource-matching.md).
 * A pair fits when it is the same category, the places meet, the windows overlap and the
 * offer has enough left; text similarity orders the fitting ones.
 */

type Entry = EntityItem<typeof CatalogueEntryEntity>;

/** The newest open listings of the other kind and the same category that are weighed. */
const CANDIDATES = 200;
/** New pairs announced per listing and run, so nobody gets a letter of fifty links. */
const ANNOUNCED_PER_RUN = 10;
/** Shown on a listing page. */
const SHOWN = 10;

const placesMeet = (a: string, b: string) =>
  a === b || [a, b].includes("region") || [a, b].includes("online");

/** Windows as [from, to], an absent end meaning "until withdrawn". */
function windowsOverlap(a: { from?: string; to?: string }, b: { from?: string; to?: string }) {
  return (!a.to || !b.from || b.from <= a.to) && (!b.to || !a.from || a.from <= b.to);
}

/** Russian words, crudely stemmed: the first five letters of every word of four or more. */
function stems(text: string) {
  return new Set(
    text
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 4)
      .map((word) => word.slice(0, 5)),
  );
}

/** Jaccard similarity of two texts' stems, 0..1. */
export function similarity(a: string, b: string) {
  const left = stems(a);
  const right = stems(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const stem of left) if (right.has(stem)) shared++;
  return shared / (left.size + right.size - shared);
}

/** Whether an open listing of the other kind (its catalogue entry) fits this listing. */
export function fits(
  listing: Pick<
    ListingItem,
    "id" | "kind" | "organisationId" | "place" | "availableFrom" | "availableTo" | "remaining"
  >,
  entry: Entry,
) {
  if (entry.listingId === listing.id) return false;
  if (listing.organisationId && entry.organisationId === listing.organisationId) return false;
  if (!placesMeet(listing.place, entry.place)) return false;
  const window = { from: listing.availableFrom, to: listing.availableTo };
  if (!windowsOverlap(window, { from: entry.availableFrom, to: entry.availableTo })) return false;
  const available = listing.kind === "offer" ? listing.remaining : entry.quantity;
  const needed = listing.kind === "request" ? listing.remaining : entry.quantity;
  return available === undefined || needed === undefined || available >= needed;
}

/** Open listings of the other kind that fit this one, best first. */
export async function matchesFor(listing: ListingItem): Promise<Match[]> {
  const other = listing.kind === "offer" ? "request" : "offer";
  const { data } = await db()
    .entities.catalogueEntry.query.byFacet({ facet: facetKey(other, listing.category) })
    .go({ order: "desc", count: CANDIDATES, limit: CANDIDATES });
  return data
    .filter((entry) => fits(listing, entry))
    .map((entry) => ({ entry, similarity: similarity(listing.searchText, entry.searchText) }))
    .sort((a, b) => b.similarity - a.similarity || (a.entry.publishedAt < b.entry.publishedAt ? 1 : -1))
    .map(({ entry, similarity }) => ({
      entry: entryView(entry),
      similarity: Math.round(similarity * 100) / 100,
    }));
}

/** What a listing page shows under "Подходящие предложения/запросы". */
export async function matches(listing: ListingItem) {
  if (listing.status !== "published") return [];
  return (await matchesFor(listing)).slice(0, SHOWN);
}

const pairOf = (listing: ListingItem, otherId: string) =>
  listing.kind === "request"
    ? { requestId: listing.id, offerId: otherId }
    : { requestId: otherId, offerId: listing.id };

/**
 * Tells both owners of every pair not announced before. The pair records and the letters are
 * one transaction whose records are conditional creates: a pair is never announced twice, even
 * when the job and a publish run at once (the loser announces nothing and the next run retries).
 */
export async function announceMatches(listing: ListingItem) {
  if (listing.status !== "published") return 0;
  const found = (await matchesFor(listing)).slice(0, ANNOUNCED_PER_RUN);
  if (found.length === 0) return 0;
  const { match, listing: listings, account } = db().entities;
  const { data: known } = await match.get(found.map(({ entry }) => pairOf(listing, entry.id))).go();
  const announced = new Set(known.map((pair) => `${pair.requestId}|${pair.offerId}`));
  const fresh = found.filter(({ entry }) => {
    const pair = pairOf(listing, entry.id);
    return !announced.has(`${pair.requestId}|${pair.offerId}`);
  });
  if (fresh.length === 0) return 0;

  const { data: others } = await listings.get(fresh.map(({ entry }) => ({ id: entry.id }))).go();
  const accountIds = [...new Set([listing.accountId, ...others.map((other) => other.accountId)])];
  const { data: people } = await account.get(accountIds.map((id) => ({ id }))).go();
  const emailOf = new Map(people.map((person) => [person.id, person.email]));

  const messages: Queued[] = [];
  const ownerEmail = emailOf.get(listing.accountId);
  if (ownerEmail) {
    const links = fresh.map(({ entry }) => ({ title: entry.title, id: entry.id }));
    messages.push(queued(Templates.matchesFound(ownerEmail, listing.title, listing.id, links)));
  }
  for (const other of others) {
    const email = emailOf.get(other.accountId);
    const link = [{ title: listing.title, id: listing.id }];
    if (email) messages.push(queued(Templates.matchesFound(email, other.title, other.id, link)));
  }
  try {
    await writeAll(db, ({ match, outbox }) => [
      ...fresh.map(({ entry }) => match.create(pairOf(listing, entry.id)).commit()),
      ...messages.map((message) => outbox.create(message).commit()),
    ]);
  } catch (error) {
    if (error instanceof Canceled) return 0;
    throw error;
  }
  await deliver(messages);
  return fresh.length;
}

/** Matching must not undo a publish that already committed: the job catches up on failures. */
export function reportMatchingFailure(error: unknown) {
  console.error(JSON.stringify({ level: "error", msg: "matching failed", error: String(error) }));
}

/** How far back the job looks: long enough to cover a missed run or two. */
const RECENT_HOURS = 48;

/**
 * The matching job: announces new pairs for every listing published recently. Announcing is
 * idempotent, so overlapping or repeated runs are harmless.
 */
export async function matchRecent(now = Clock.now()) {
  const since = new Date(now.getTime() - RECENT_HOURS * 3600_000).toISOString();
  const { data } = await db()
    .entities.catalogueEntry.query.byFacet({ facet: facetKey() })
    .gte({ publishedAt: since })
    .go({ pages: "all" });
  let announced = 0;
  for (const entry of data) {
    const listing = await findListing(entry.listingId).catch(() => undefined);
    if (listing) announced += await announceMatches(listing);
  }
  return { listings: data.length, announced };
}

/** The matches of a listing for whoever may see the listing. */
export async function matchesOf(actor: Actor, id: string) {
  const listing = await findListing(id);
  if (!openStatuses.has(listing.status) && !(await canManage(actor, listing))) {
    throw new NotFound("Объявление не найдено");
  }
  return matches(listing);
}
