import { createWriteTransaction } from "electrodb";
import { Conflict } from "../errors";
import type { Entities, Store, WriteFunction } from "./store";

/** A transaction DynamoDB refused; `reasons[i]` is the code for the i-th write ("None" if fine). */
export class Canceled extends Error {
  constructor(readonly reasons: string[]) {
    super(`transaction canceled: ${reasons.join(", ")}`);
  }

  failedAt(index: number) {
    return this.reasons[index] === "ConditionalCheckFailed";
  }
}

/**
 * All the writes or none. A refused condition becomes `Canceled` for the caller to explain;
 * a clash with another transaction in flight is a 409 the person can simply retry.
 */
export async function writeAll<E extends Entities>(db: Store<E>, operations: WriteFunction<E>) {
  const result = await createWriteTransaction(db().entities, operations).go();
  if (!result.canceled) return;
  const reasons = result.data.map((entry: { code?: string }) => entry.code ?? "None");
  if (reasons.includes("TransactionConflict")) {
    throw new Conflict("Запись одновременно изменяется, повторите попытку", "busy");
  }
  throw new Canceled(reasons);
}
