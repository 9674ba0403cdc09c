import { QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import type { EntityItem } from "electrodb";
import { documentClient } from "../clients";
import { pageOptions } from "../db/paging";
import type { Writers } from "../db/store";
import { Invalid } from "../errors";
import { type SearchArea, type SearchTermEntity, searchAreas } from "./entity";

export { type SearchArea, searchAreas };

import { db } from "./store";
import { parseQuery, terms } from "./terms";

/**
 * The portal's one search (ADR 018). An area describes each of its items as a `SearchDocument`
 * (or `undefined` for an item nobody may find: a draft, a pending member, a private question) and
 * adds `indexWrites(…)` to the transaction that writes the item; `find` answers a query for one area.
 */

type Row = EntityItem<typeof SearchTermEntity>;
export type TermWriter = Writers<{ searchTerm: typeof SearchTermEntity }>["searchTerm"];

export interface SearchDocument<View> {
  id: string;
  /** The name or title: its words rank first. */
  title: string;
  text: string;
  /** When the item appeared (ISO): newer first. */
  at: string;
  /** Values a query may filter by; a list for a multi-valued field (spheres). */
  filters: Record<string, string | readonly string[] | undefined>;
  /** What a result shows, stored on each row so a results page needs no further reads. */
  view: View;
}

/**
 * Index rows of one item. An edit deletes the rows of the terms it loses and writes the new ones
 * in the item's own transaction, whose limit is 100 writes: 30 + 30 leaves room for the area's own.
 */
export const MAX_INDEXED_TERMS = 30;
/** Terms kept on each row for a query's other words: a long answer's first 400 are plenty. */
const MAX_CARRIED_TERMS = 400;

const spaced = (values: readonly string[]) => ` ${values.join(" ")} `;

export function rowsOf<View>(area: SearchArea, document: SearchDocument<View> | undefined): Row[] {
  if (!document) return [];
  const titleTerms = terms(document.title);
  const all = [...new Set([...titleTerms, ...terms(document.text)])];
  const filters = spaced(
    Object.entries(document.filters).flatMap(([name, value]) =>
      value === undefined ? [] : (typeof value === "string" ? [value] : value).map((one) => `${name}=${one}`),
    ),
  );
  const carried = spaced(all.slice(0, MAX_CARRIED_TERMS));
  return all.slice(0, MAX_INDEXED_TERMS).map((term) => ({
    area,
    term,
    id: document.id,
    rank: titleTerms.includes(term) ? "1" : "0",
    at: document.at,
    bucket: term.slice(0, 2),
    terms: carried,
    filters,
    view: document.view,
  }));
}

const keyOf = (row: Row) => `${row.term}|${row.rank}|${row.at}`;

/** The writes that take an item's index rows from `before` to `after` (either absent), for its transaction. */
export function indexWrites<View>(
  searchTerm: TermWriter,
  area: SearchArea,
  before: SearchDocument<View> | undefined,
  after: SearchDocument<View> | undefined,
) {
  const old = new Map(rowsOf(area, before).map((row) => [keyOf(row), row]));
  const next = rowsOf(area, after);
  const kept = new Set(next.map(keyOf));
  return [
    ...[...old.values()]
      .filter((row) => !kept.has(keyOf(row)))
      .map(({ term, rank, at, id }) => searchTerm.delete({ area, term, rank, at, id }).commit()),
    ...next
      .filter((row) => JSON.stringify(old.get(keyOf(row))) !== JSON.stringify(row))
      .map((row) => searchTerm.put(row).commit()),
  ];
}

/**
 * Writes the index rows of items that exist already (the migration, the demo seed), outside their
 * transactions: rows are keyed by item and term, so running it again rewrites the same rows.
 */
export async function reindex<View>(area: SearchArea, documents: (SearchDocument<View> | undefined)[]) {
  const rows = documents.flatMap((document) => rowsOf(area, document));
  if (rows.length) await db().entities.searchTerm.put(rows).go();
  return rows.length;
}

/**
 * Indexes an area's existing items a page at a time (the migration, the demo seed): `page` reads
 * the page after `cursor`, `documents` describes its items; `progress` hears how many are done.
 */
export async function reindexAll<Item, View>(
  area: SearchArea,
  page: (cursor: string | null) => Promise<{ data: Item[]; cursor: string | null }>,
  documents: (items: Item[]) => Promise<(SearchDocument<View> | undefined)[]>,
  progress: (done: number) => void = () => {},
) {
  let done = 0;
  let cursor: string | null = null;
  do {
    const next = await page(cursor);
    if (next.data.length) await reindex(area, await documents(next.data));
    done += next.data.length;
    progress(done);
    cursor = next.cursor;
  } while (cursor);
  return done;
}

export interface SearchQuery {
  q: string;
  /** Only items with these values (see SearchDocument.filters); undefined values are ignored. */
  filters?: Record<string, string | undefined>;
  cursor?: string;
  limit: number;
}

export const NO_WORDS = "Уточните запрос: в нём нет слов для поиска";

/** The query's terms; a query with none (only stop-words, punctuation, emoji) is refused on its field. */
function wordsOf(q: string) {
  const { exact, prefix } = parseQuery(q);
  if (prefix === undefined) throw new Invalid({ q: NO_WORDS }, NO_WORDS);
  return { exact, prefix };
}

/**
 * The one Query a search sends: on the partition of the query's most specific word, narrowed by
 * the other words, the last one as a prefix, and the filters; title matches first, then newer.
 * A single word is looked up as a whole term first (`byPrefix` false), which ranks and pages
 * exactly; only a word still being typed, with no term of its own, reads the terms it begins
 * (`byPrefix` true).
 */
function lookup(area: SearchArea, query: SearchQuery, byPrefix: boolean) {
  const { exact, prefix } = wordsOf(query.q);
  const longest = exact.reduce<string | undefined>(
    (found, term) => (found === undefined || term.length > found.length ? term : found),
    undefined,
  );
  const driver = longest ?? (byPrefix ? undefined : prefix);
  const filters = Object.entries(query.filters ?? {}).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const { searchTerm } = db().entities;
  const base =
    driver === undefined
      ? searchTerm.query.byPrefix({ area, bucket: prefix.slice(0, 2) }).begins({ term: prefix })
      : searchTerm.query.byTerm({ area, term: driver });
  const words = [
    ...exact.filter((term) => term !== driver).map((term) => ` ${term} `),
    ...(driver === undefined || driver === prefix ? [] : [` ${prefix}`]),
  ];
  const narrowed = base.where((attributes, { contains }) =>
    [
      ...words.map((word) => contains(attributes.terms, word)),
      ...filters.map(([name, value]) => contains(attributes.filters, ` ${name}=${value} `)),
    ].join(" AND "),
  );
  const { count, limit } = pageOptions(undefined, query.limit, words.length > 0 || filters.length > 0);
  const params = narrowed.params({ limit, order: "desc" }) as Omit<QueryCommandInput, "ExclusiveStartKey">;
  return {
    // A result needs only its view, and a page cut short the keys of its last row for the cursor:
    // not the row's terms and filters, which are for the condition (they were most of its bytes).
    params: {
      ...params,
      ProjectionExpression: Object.keys(SHOWN).join(", "),
      ExpressionAttributeNames: { ...params.ExpressionAttributeNames, ...SHOWN },
    },
    count,
    single: longest === undefined,
  };
}

/** The attributes a search reads of each row, under names of their own beside ElectroDB's. */
const SHOWN = {
  "#shown_pk": "pk",
  "#shown_sk": "sk",
  "#shown_gsi1pk": "gsi1pk",
  "#shown_gsi1sk": "gsi1sk",
  "#shown_rank": "rank",
  "#shown_at": "at",
  "#shown_id": "id",
  "#shown_view": "view",
};
type ShownRow = Pick<Row, "rank" | "at" | "id" | "view"> & Record<"pk" | "sk" | "gsi1pk" | "gsi1sk", string>;

/**
 * The Queries of recent searches, built once: a search is typed letter by letter and paged, and
 * building one (stemming, ElectroDB's expression) cost more CPU than sending it (ADR 018).
 */
const planned = new Map<string, ReturnType<typeof lookup>>();
const PLANS_KEPT = 500;

/** The Query `find` sends for a query (the benchmark sends the same one raw). */
export function plan(area: SearchArea, query: Omit<SearchQuery, "cursor">, byPrefix = false) {
  const key = JSON.stringify([area, query.q, query.filters ?? null, query.limit, byPrefix]);
  let found = planned.get(key);
  if (!found) {
    found = lookup(area, query, byPrefix);
    if (planned.size >= PLANS_KEPT) planned.delete(planned.keys().next().value as string);
    planned.set(key, found);
  }
  return found;
}

/**
 * Up to `count` rows from `startKey` on: DynamoDB's pages, read on while a filter leaves one
 * short, and the cursor the same base64url JSON of the last row's keys that ElectroDB writes,
 * those of the prefix index too on a prefix page, so the next page knows which index it reads.
 */
async function readRows(
  { params, count }: ReturnType<typeof lookup>,
  startKey: Record<string, string> | undefined,
) {
  const rows: ShownRow[] = [];
  let key: Record<string, unknown> | undefined = startKey;
  do {
    const page = await documentClient().send(new QueryCommand({ ...params, ExclusiveStartKey: key }));
    rows.push(...((page.Items ?? []) as ShownRow[]));
    key = page.LastEvaluatedKey;
  } while (rows.length < count && key);
  if (rows.length > count) {
    rows.length = count;
    const { pk, sk, gsi1pk, gsi1sk } = rows[count - 1]!;
    key = params.IndexName ? { pk, sk, gsi1pk, gsi1sk } : { pk, sk };
  }
  return { rows, cursor: key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null };
}

/**
 * Items of one area containing every word of the query in any form, the last word as a prefix;
 * title matches first, then newer first.
 */
export async function find<View>(area: SearchArea, query: SearchQuery) {
  // The query's schema has checked that a cursor is base64url JSON of key attributes.
  const startKey = query.cursor
    ? (JSON.parse(Buffer.from(query.cursor, "base64url").toString("utf8")) as Record<string, string>)
    : undefined;
  let byPrefix = startKey?.gsi1pk !== undefined;
  const exact = plan(area, query, byPrefix);
  let page = await readRows(exact, startKey);
  if (!byPrefix && exact.single && !startKey && page.rows.length === 0) {
    byPrefix = true;
    page = await readRows(plan(area, query, true), undefined);
  }
  // A prefix may meet an item under two of its terms («театр», «театральн»): once, best rank first.
  const seen = new Set<string>();
  const items = (byPrefix ? [...page.rows].sort(byRank) : page.rows).filter((row) => {
    if (seen.has(row.id)) return false;
    seen.add(row.id);
    return true;
  });
  return { items: items.map((row) => row.view as View), cursor: page.cursor };
}

const byRank = (a: Pick<Row, "rank" | "at">, b: Pick<Row, "rank" | "at">) =>
  a.rank !== b.rank ? (a.rank < b.rank ? 1 : -1) : a.at < b.at ? 1 : -1;

/**
 * The portal-wide search: the first results of every area at once, each with the cursor of its
 * next page. Only what each area indexes is found, so drafts and private things never are.
 */
export async function findEverywhere({ q, limit }: { q: string; limit: number }) {
  wordsOf(q);
  const pages = await Promise.all(searchAreas.map((area) => find(area, { q, limit })));
  return Object.fromEntries(searchAreas.map((area, index) => [area, pages[index]!])) as Record<
    SearchArea,
    { items: unknown[]; cursor: string | null }
  >;
}
