/**
 * The portal's one clock. Everything that asks what time it is (verbs, jobs, ElectroDB's
 * timestamps, ULIDs, deadlines) asks here, never `new Date()` itself, so that:
 * - the demo seed can write a year of history through the real verbs (`travelTo`), every derived
 *   row (stats, catalogue rows, ledger entries) dated as if it had happened then;
 * - tests compute "now" from the same source the code under test reads;
 * - `faketime` moves it together with the rest of the process (it reads `Date.now()` underneath).
 *
 * The clock is process-wide on purpose: the seed runs before the portal serves a request, and a
 * test that sets it restores it. Elapsed-time measurements (retry budgets, timeouts) do not use it.
 */
let offsetMs = 0;

/** Milliseconds since the epoch, as the portal sees it. */
export const nowMs = (): number => Date.now() + offsetMs;

/** The current instant, as the portal sees it. */
export const now = (): Date => new Date(nowMs());

/** ISO-8601 UTC of the current instant: how times are stored. */
export const nowIso = (): string => now().toISOString();

/** Moves the clock so that it reads `instant` now and runs on from there; returns the way back. */
export function travelTo(instant: Date | number): () => void {
  const previous = offsetMs;
  offsetMs = (typeof instant === "number" ? instant : instant.getTime()) - Date.now();
  return () => {
    offsetMs = previous;
  };
}

/** Runs `work` with the clock reading `instant` at its start, and puts the clock back after. */
export async function at<T>(instant: Date | number, work: () => Promise<T>): Promise<T> {
  const back = travelTo(instant);
  try {
    return await work();
  } finally {
    back();
  }
}
