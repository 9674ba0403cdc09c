import { facetKey } from "../resource/listings";
import { fits } from "../resource/matching";
import * as Clock from "../shared/clock";
import { moscowToday } from "../shared/dates";
import { db } from "./store";
import type { Subscriber } from "./subscriptions";

/** A digest never reaches further back than this, however long a subscriber was away. */
export const MAX_LOOKBACK_MS = 35 * 24 * 3600_000;
/** Listings whose window closes within this many days are "coming deadlines". */
const CLOSING_DAYS = 7;
/** Each section lists this many; the rest is a link to the whole list on the portal. */
export const SECTION_SIZE = 10;

export interface ListingNews {
  id: string;
  kind: "offer" | "request";
  category: string;
  title: string;
  place: string;
  ownerName: string;
  organisationId?: string;
  at: string;
  availableFrom?: string;
  availableTo?: string;
  quantity?: number;
}
export interface AnswerNews {
  id: string;
  topic: string;
  title: string;
  excerpt: string;
  bodyName?: string;
  at: string;
}
export interface MemberNews {
  id: string;
  name: string;
  kind: string;
  municipality: string;
  at: string;
}

export interface EventNews {
  id: string;
  kind: string;
  format: string;
  title: string;
  startsAt: string;
  /** Absent for an online event, which concerns every municipality. */
  municipality?: string;
  topic?: string;
  /** When it went on the calendar. */
  at: string;
}
/** The digest's events are those of the next two weeks. */
const EVENTS_AHEAD_DAYS = 14;
/** An event this close is in every digest until it starts, announced or not: the last call. */
const EVENTS_SOON_DAYS = 2;

/** Everything new in the period, read once per run whatever the number of subscribers. */
export interface Catalogue {
  listings: ListingNews[];
  answers: AnswerNews[];
  members: MemberNews[];
  closing: (ListingNews & { closesOn: string })[];
  /** Open requests, to put the offers that fit a subscriber's own requests first. */
  requests: CatalogueRow[];
  /** Published events starting in the next two weeks, soonest first. */
  events: EventNews[];
  /** Events starting before this are "soon". */
  eventsSoonUntil: string;
}

type CatalogueRow = Awaited<ReturnType<typeof catalogueSince>>[number];

async function catalogueSince(facet: string, since: string) {
  const { data } = await db()
    .entities.catalogueEntry.query.byFacet({ facet })
    .gte({ publishedAt: since })
    .go({ pages: "all" });
  return data;
}

const listingNews = (row: CatalogueRow): ListingNews => ({
  id: row.listingId,
  kind: row.kind,
  category: row.category,
  title: row.title,
  place: row.place,
  ownerName: row.ownerName,
  organisationId: row.organisationId,
  at: row.publishedAt,
  availableFrom: row.availableFrom,
  availableTo: row.availableTo,
  quantity: row.quantity,
});

export async function buildCatalogue(since: string, now = Clock.now()): Promise<Catalogue> {
  const today = moscowToday(now);
  const horizon = moscowToday(new Date(now.getTime() + CLOSING_DAYS * 24 * 3600_000));
  const { knowledgeEntry, organisation, listing, event } = db().entities;
  const [listings, requests, answers, approved, closing, events] = await Promise.all([
    catalogueSince(facetKey(), since),
    catalogueSince(facetKey("request"), "0"),
    knowledgeEntry.query.byFacet({ facet: "all" }).gte({ answeredAt: since }).go({ pages: "all" }),
    // Applications are approved within weeks of being filed: read those filed in the last
    // lookback window before `since` and keep the ones approved after it.
    organisation.query
      .queue({ status: "approved" })
      .gte({ createdAt: new Date(Date.parse(since) - MAX_LOOKBACK_MS * 3).toISOString() })
      .go({ pages: "all" }),
    listing.query.byExpiry({}).between({ closesOn: today }, { closesOn: horizon }).go({ pages: "all" }),
    event.query
      .byStatus({ status: "published" })
      .between(
        { startsAt: now.toISOString() },
        { startsAt: new Date(now.getTime() + EVENTS_AHEAD_DAYS * 24 * 3600_000).toISOString() },
      )
      .go({ pages: "all" }),
  ]);
  return {
    listings: listings.map(listingNews),
    requests,
    answers: answers.data.map((entry) => ({
      id: entry.questionId,
      topic: entry.topic,
      title: entry.title,
      excerpt: entry.excerpt,
      bodyName: entry.bodyName,
      at: entry.answeredAt,
    })),
    members: approved.data
      .filter((item) => !item.demo && item.approvedAt && item.approvedAt >= since)
      .map((item) => ({
        id: item.id,
        name: item.shortName || item.name,
        kind: item.kind,
        municipality: item.municipality,
        at: item.approvedAt!,
      })),
    closing: closing.data
      .filter((item) => item.status === "published")
      .map((item) => ({
        id: item.id,
        kind: item.kind,
        category: item.category,
        title: item.title,
        place: item.place,
        ownerName: item.ownerName,
        organisationId: item.organisationId,
        at: item.publishedAt ?? item.createdAt,
        closesOn: item.closesOn,
      })),
    events: events.data.map((item) => ({
      id: item.id,
      kind: item.kind,
      format: item.format,
      title: item.title,
      startsAt: item.startsAt,
      municipality: item.format === "online" ? undefined : item.municipality,
      topic: item.topic,
      at: item.publishedAt ?? item.createdAt,
    })),
    eventsSoonUntil: new Date(now.getTime() + EVENTS_SOON_DAYS * 24 * 3600_000).toISOString(),
  };
}

export interface Digest {
  matched: ListingNews[];
  listings: ListingNews[];
  answers: AnswerNews[];
  members: MemberNews[];
  closing: (ListingNews & { closesOn: string })[];
  events: EventNews[];
}

export const isEmpty = (digest: Digest) =>
  digest.matched.length +
    digest.listings.length +
    digest.answers.length +
    digest.members.length +
    digest.closing.length +
    digest.events.length ===
  0;

const wants = (list: readonly string[], value: string) => list.length === 0 || list.includes(value);
/** Region-wide and online listings concern every municipality. */
const nearby = (places: readonly string[], place: string) =>
  places.length === 0 || place === "region" || place === "online" || places.includes(place);

const newest = <T extends { at: string }>(items: T[]) => [...items].sort((a, b) => b.at.localeCompare(a.at));

/**
 * One subscriber's digest: what is newer than their last one and matches their preferences,
 * the offers that fit their own organisations' requests first.
 */
export function select(
  catalogue: Catalogue,
  subscriber: Subscriber,
  organisationIds: ReadonlySet<string>,
): Digest {
  const since = subscriber.coveredUntil;
  const topics = new Set(subscriber.topics);
  const listingsWanted = topics.has("resources")
    ? catalogue.listings.filter(
        (item) =>
          item.at > since &&
          !organisationIds.has(item.organisationId ?? "") &&
          wants(subscriber.categories, item.category) &&
          nearby(subscriber.municipalities, item.place),
      )
    : [];
  const ownRequests = catalogue.requests.filter((item) => organisationIds.has(item.organisationId ?? ""));
  const matched =
    ownRequests.length === 0
      ? []
      : catalogue.listings.filter(
          (offer) =>
            offer.kind === "offer" &&
            offer.at > since &&
            ownRequests.some(
              (request) =>
                request.category === offer.category &&
                fits(
                  { ...offer, availableFrom: offer.availableFrom ?? "", remaining: offer.quantity },
                  request,
                ),
            ),
        );
  const matchedIds = new Set(matched.map((item) => item.id));
  return {
    matched: newest(matched),
    listings: newest(listingsWanted.filter((item) => !matchedIds.has(item.id))),
    answers: topics.has("consultations")
      ? newest(
          catalogue.answers.filter(
            (item) => item.at > since && wants(subscriber.consultationTopics, item.topic),
          ),
        )
      : [],
    members: topics.has("members")
      ? newest(
          catalogue.members.filter(
            (item) => item.at > since && nearby(subscriber.municipalities, item.municipality),
          ),
        )
      : [],
    closing: topics.has("resources")
      ? catalogue.closing
          .filter(
            (item) =>
              !matchedIds.has(item.id) &&
              wants(subscriber.categories, item.category) &&
              nearby(subscriber.municipalities, item.place),
          )
          .sort((a, b) => a.closesOn.localeCompare(b.closesOn))
      : [],
    // Each event once when it is announced, and again in its last two days: a daily digest does
    // not repeat the fortnight's calendar. Its topic and place as the subscriber chose (one
    // without a topic concerns everybody; online, every place).
    events: topics.has("events")
      ? catalogue.events.filter(
          (item) =>
            (item.at > since || item.startsAt < catalogue.eventsSoonUntil) &&
            (!item.topic || wants(subscriber.consultationTopics, item.topic)) &&
            (!item.municipality || nearby(subscriber.municipalities, item.municipality)),
        )
      : [],
  };
}
