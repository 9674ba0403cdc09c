import { Conflict } from "../errors";
import { moscowToday } from "../shared/dates";
import { openStatuses } from "./entity";
import { findListing, saveListing } from "./listings";
import { db } from "./store";

/**
 * The expiry job: open listings whose window ended before today (Moscow) become expired and
 * leave the catalogue. Read from the sparse byExpiry index, so the work is the expired
 * listings, not the table; nothing relies on DynamoDB's TTL timing.
 */
export async function expireDue(today = moscowToday()) {
  const { data } = await db()
    .entities.listing.query.byExpiry({})
    .lt({ closesOn: today })
    .go({ pages: "all" });
  let expired = 0;
  for (const { id } of data) {
    const current = await findListing(id);
    if (!openStatuses.has(current.status) || !current.availableTo || current.availableTo >= today) continue;
    try {
      await saveListing(current, { ...current, status: "expired", version: current.version + 1 });
      expired++;
    } catch (error) {
      // Changed meanwhile (say, its window extended): the next run looks again.
      if (!(error instanceof Conflict)) throw error;
    }
  }
  return { expired };
}
