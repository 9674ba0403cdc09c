import type { Role } from "@cluster/core/reference";
import type { z } from "zod/mini";

/**
 * One API operation: the contract that the app's route, its input validation and the
 * OpenAPI document are all built from.
 */
export interface Operation {
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
  /** Success status when the handler returns a body; returning nothing is always 204. */
  status?: 200 | 201 | 202;
}

export const operations = <T extends Record<string, Operation>>(list: T) => list;
