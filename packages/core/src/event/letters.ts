import { Canceled, writeAll } from "../db/transaction";
import { deliver, type Queued } from "../mail";
import { db, type EventWriters, type EventWrites } from "./store";

/**
 * A letter that goes once: the mark that records it and the letter in the outbox are one
 * transaction, conditional as the mark says, so a rerun or a second run at the same moment
 * sends nothing more. False when the condition no longer held (sent already, or cancelled).
 */
export async function sendOnce(letter: Queued, mark: (writers: EventWriters) => EventWrites[number]) {
  try {
    await writeAll(db, (writers) => [mark(writers), writers.outbox.create(letter).commit()]);
  } catch (error) {
    if (error instanceof Canceled) return false;
    throw error;
  }
  await deliver([letter]);
  return true;
}
