import { RateLimited } from "../errors";
import { isConditionFailure } from "../mail";
import * as Clock from "../shared/clock";
import { db } from "./store";

export interface Limit {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/**
 * Counts one hit in a fixed window. The increment is conditional on the count being under
 * the limit, so concurrent requests cannot overshoot it; over the limit is a 429 with the
 * seconds until the window ends.
 */
export async function hit({ bucket, max, windowSeconds }: Limit, now = Clock.nowMs()) {
  const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds;
  const windowEnd = windowStart + windowSeconds;
  try {
    await db()
      .entities.rateLimit.update({ bucket, window: String(windowStart) })
      .add({ count: 1 })
      .set({ expiresAtEpoch: windowEnd + 60 })
      .where(({ count }, { lt, notExists }) => `${notExists(count)} OR ${lt(count, max)}`)
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw new RateLimited(Math.max(1, windowEnd - Math.floor(now / 1000)));
    throw error;
  }
}
