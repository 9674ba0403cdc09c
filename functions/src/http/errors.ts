import { type FieldErrors, RateLimited, VisibleError } from "@cluster/core/errors";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { core } from "zod/mini";

/** The one error shape of the API: `{ error: { code, message, fields? } }`. */
export function errorBody(code: string, message: string, fields?: FieldErrors) {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/** Zod issues as one Russian message per field, keyed by the dotted path the form uses. */
export function fieldErrors(error: { issues: core.$ZodIssue[] }): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= "Неизвестное поле";
      continue;
    }
    const path = issue.path.join(".") || "_";
    fields[path] ??= issue.message;
  }
  return fields;
}

/**
 * Maps what a handler threw to a response. Only VisibleError texts reach people; anything
 * else is logged with its stack and answered with a request id to quote to support.
 */
export function toResponse(error: unknown, c: Context) {
  if (error instanceof VisibleError) {
    if (error instanceof RateLimited) c.header("Retry-After", String(error.retryAfterSeconds));
    return c.json(errorBody(error.code, error.message, error.fields), error.status);
  }
  if (error instanceof HTTPException) {
    const status = error.status;
    if (status === 413) return c.json(errorBody("too_large", "Слишком большой запрос"), 413);
    return c.json(errorBody("bad_request", "Неверный запрос"), status);
  }
  const requestId = c.get("requestId") ?? "unknown";
  console.error(
    JSON.stringify({
      level: "error",
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? error.stack : String(error),
    }),
  );
  return c.json(errorBody("internal", `Внутренняя ошибка. Номер запроса: ${requestId}`), 500);
}
