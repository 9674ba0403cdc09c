// What the deployed functions take from ElectroDB, and nothing more: its index also loads the
// Service (19 KB) that only the seed and the tests use (ADR 019). An ES module, so a function that
// imports anything else from "electrodb" fails to bundle instead of finding it undefined at run time.
export { Entity } from "electrodb/src/entity.js";
export { createWriteTransaction } from "electrodb/src/transaction.js";
