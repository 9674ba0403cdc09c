/** Items DynamoDB reads per request while a filter narrows them (a text search, a kind). */
const FILTERED_READ = 100;

/**
 * ElectroDB options for one page of `count` items. Without a Limit DynamoDB reads up to 1 MB of
 * the partition for every page, however few items are shown (27 RCU instead of 2.5 for a
 * catalogue page of 20, measured by `npm run bench:resources`). Unfiltered, it reads exactly the
 * page; filtered, in steps of 100 until the page is full or the partition ends.
 */
export const pageOptions = (cursor: string | undefined, count: number, filtered: boolean) => ({
  cursor,
  count,
  limit: filtered ? Math.max(count, FILTERED_READ) : count,
});
