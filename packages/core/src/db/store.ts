import type { createWriteTransaction, Entity } from "electrodb";
import { documentClient } from "../clients";
import { config } from "../config";

// biome-ignore lint/suspicious/noExplicitAny: any entity of the table, whatever its model
export type Entities = Record<string, Entity<any, any, any, any>>;

/** A transaction's body over a store's entities (ElectroDB's own callback type). */
// biome-ignore lint/suspicious/noExplicitAny: the result types are inferred per call by ElectroDB
export type WriteFunction<E extends Entities> = Parameters<typeof createWriteTransaction<E, any, any>>[1];

/** What a transaction's body receives: each entity, ready to add its write. */
export type Writers<E extends Entities> = Parameters<WriteFunction<E>>[0];

/** What a transaction's body returns: its writes. */
export type Writes<E extends Entities> = ReturnType<WriteFunction<E>>;

export type Store<E extends Entities> = () => { entities: E };

/**
 * One bounded context's view of the single table: only the entities its code touches, bound
 * to the configured client and table on first use. Each Lambda bundles only the stores its
 * code imports, not every entity of the portal (ADR 009).
 */
export function store<E extends Entities>(entities: E): Store<E> {
  let bound = false;
  return () => {
    if (!bound) {
      const client = documentClient();
      const { tableName } = config();
      for (const entity of Object.values(entities)) {
        entity.setClient(client);
        entity.setTableName(tableName);
      }
      bound = true;
    }
    return { entities };
  };
}
