import type { EntityItem } from "electrodb";
import { type Actor, requireCoordinator } from "../actor";
import { resourceCategories, resourceCategoryName } from "../reference";
import { csvDocument } from "../shared/csv";
import { ulid } from "../shared/ulid";
import type { ContributionEntity, ListingEntity, ResponseEntity } from "./entity";
import type { Contribution, Ledger, LedgerExportQuery, LedgerQuery } from "./schema";
import { db } from "./store";

type Item = EntityItem<typeof ContributionEntity>;

/**
 * The ledger entry of a handover. An offer's owner gives to the responder; for a request the
 * responder gives to the owner. The value is the listing's estimate, shared by quantity.
 */
export function contributionFor(
  listing: EntityItem<typeof ListingEntity>,
  response: EntityItem<typeof ResponseEntity>,
  at: string,
): Item {
  const owner = { key: listing.ownerKey, name: listing.ownerName };
  const responder = { key: response.responderKey, name: response.responderName };
  const [giver, receiver] = listing.kind === "offer" ? [owner, responder] : [responder, owner];
  const share = listing.quantity && response.quantity ? Math.min(1, response.quantity / listing.quantity) : 1;
  return {
    id: ulid(),
    at,
    listingId: listing.id,
    responseId: response.id,
    category: listing.category,
    title: listing.title,
    quantity: response.quantity,
    value: listing.estimatedValue === undefined ? undefined : Math.round(listing.estimatedValue * share),
    giverKey: giver.key,
    giverName: giver.name,
    receiverKey: receiver.key,
    receiverName: receiver.name,
  };
}

/** [from, to] as ISO instants, the dates read as whole days. */
const range = ({ from, to }: { from?: string; to?: string }) => ({
  from: from ? `${from}T00:00:00.000Z` : "0000",
  to: to ? `${to}T23:59:59.999Z` : "9999",
});

const view = (item: Item): Contribution => ({
  id: item.id,
  at: item.at,
  listingId: item.listingId,
  category: item.category,
  title: item.title,
  quantity: item.quantity,
  value: item.value,
  giver: item.giverName,
  receiver: item.receiverName,
});

const RECENT = 20;

function summarise(given: Item[], received: Item[]): Ledger {
  const totals = (items: Item[]) => ({
    count: items.length,
    value: items.reduce((sum, item) => sum + (item.value ?? 0), 0),
  });
  const byCategory = resourceCategories
    .map(({ id }) => ({
      category: id,
      given: totals(given.filter((item) => item.category === id)),
      received: totals(received.filter((item) => item.category === id)),
    }))
    .filter((row) => row.given.count + row.received.count > 0);
  const recent = [...new Map([...given, ...received].map((item) => [item.id, item])).values()]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .slice(0, RECENT)
    .map(view);
  return { given: totals(given), received: totals(received), byCategory, recent };
}

/**
 * What an organisation gave and received through the Resource Bank, or, without one, what was
 * handed over in the whole cluster (given and received are then the same handovers).
 */
export async function ledger(query: LedgerQuery): Promise<Ledger> {
  const { from, to } = range(query);
  const { contribution } = db().entities;
  if (!query.organisationId) {
    const { data } = await contribution.query
      .cluster({})
      .between({ at: from }, { at: to })
      .go({ pages: "all" });
    return summarise(data, data);
  }
  const key = `org#${query.organisationId}`;
  const [given, received] = await Promise.all([
    contribution.query.byGiver({ giverKey: key }).between({ at: from }, { at: to }).go({ pages: "all" }),
    contribution.query
      .byReceiver({ receiverKey: key })
      .between({ at: from }, { at: to })
      .go({ pages: "all" }),
  ]);
  return summarise(given.data, received.data);
}

/**
 * The cluster's ledger for coordinators as CSV for Excel (shared/csv.ts).
 */
export async function ledgerCsv(actor: Actor, query: LedgerExportQuery) {
  requireCoordinator(actor);
  const { from, to } = range(query);
  const { data } = await db()
    .entities.contribution.query.cluster({})
    .between({ at: from }, { at: to })
    .go({ pages: "all" });
  const header = ["Дата", "Категория", "Что передано", "Количество", "Оценка, руб.", "Кто передал", "Кому"];
  const rows = data.map((item) => [
    item.at.slice(0, 10),
    resourceCategoryName[item.category],
    item.title,
    item.quantity,
    item.value,
    item.giverName,
    item.receiverName,
  ]);
  return csvDocument([header, ...rows]);
}
