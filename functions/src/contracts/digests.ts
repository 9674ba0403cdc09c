import { type Operation, operations } from "../http/operation";

export const digestOperations: Record<string, Operation> = operations({});
