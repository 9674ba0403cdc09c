/**
 * The single table's physical shape: the one definition that the Database stack deploys,
 * the local server creates in DynamoDB Local, and the ElectroDB entities write to.
 * Physical names stay generic; entities name their access patterns (see docs/decisions/003).
 */
export const tableShape = {
  partitionKey: "pk",
  sortKey: "sk",
  globalIndexes: {
    gsi1: { partitionKey: "gsi1pk", sortKey: "gsi1sk" },
    gsi2: { partitionKey: "gsi2pk", sortKey: "gsi2sk" },
    gsi3: { partitionKey: "gsi3pk", sortKey: "gsi3sk" },
  },
  /** Epoch seconds; DynamoDB deletes expired sessions and codes some time after this. */
  timeToLiveAttribute: "expiresAtEpoch",
} as const;

/** Every key attribute is a string. */
export const keyAttributes = [
  tableShape.partitionKey,
  tableShape.sortKey,
  ...Object.values(tableShape.globalIndexes).flatMap((index) => [index.partitionKey, index.sortKey]),
] as const;
