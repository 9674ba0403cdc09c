import { type Operation, operations } from "../http/operation";

export const reportOperations: Record<string, Operation> = operations({});
