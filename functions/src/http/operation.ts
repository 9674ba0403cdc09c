import type { Role } from "@cluster/core/reference";
import type { z } from "zod/mini";

/** The error statuses an operation may name codes for beyond those its shape implies. */
export type ErrorStatus = 401 | 403 | 404 | 409 | 422 | 429;

/**
 * One API operation: the contract that the app's route, its input validation and the
 * OpenAPI document are all built from. Its name in the contract list is its `operationId`.
 */
export interface Operation {
  operationId: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI style: /api/members/{id} */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it (the core enforces this; here it documents it). */
  access: "guest" | "person" | Role;
  body?: z.ZodMiniType;
  /** A raw file body instead of JSON: the accepted types and the largest size. */
  upload?: { types: readonly string[]; maxBytes: number };
  query?: z.ZodMiniType;
  response?: z.ZodMiniType;
  /** A body that is not JSON (an image, a spreadsheet): its content types. */
  produces?: readonly string[];
  /** Success status when the handler returns a body; returning nothing is always 204. */
  status?: 200 | 201 | 202 | 302;
  /**
   * Error codes the core gives this operation that its shape does not imply (OpenAPI lists
   * those: a body's 400/413/415/422, a person's 401/403, a path id's 404, a version's 409).
   */
  errors?: Partial<Record<ErrorStatus, readonly string[]>>;
}

/** A contract list: each operation is named by its key, which becomes its `operationId`. */
export const operations = <T extends Record<string, Omit<Operation, "operationId">>>(list: T) =>
  Object.fromEntries(
    Object.entries(list).map(([operationId, operation]) => [operationId, { ...operation, operationId }]),
  ) as { [K in keyof T]: T[K] & { operationId: K } };
