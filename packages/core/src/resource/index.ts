export * from "./expiry";
export * from "./ledger";
export * from "./listings";
export * from "./matching";
export * from "./photos";
export * from "./responses";
