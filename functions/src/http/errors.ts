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

/** Seconds a client is asked to wait after a 503 (ADR 015): throttling passes in a second or two. */
export const RETRY_AFTER_SECONDS = 5;

/** SDK error names and codes (after its retries) that mean "busy or unreachable", not a bug. */
const BUSY =
  /Throughput|Throttl|TooManyRequests|RequestLimit|InProgress|InternalServer|Unavailable|Timeout|^E(CONN(REFUSED|RESET)|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN)$|^TransactionConflict$/;

/**
 * True when a storage or mail service was throttling, failing or unreachable after the SDK's
 * retries: worth trying again shortly, not a bug. ElectroDB wraps SDK errors, so causes are
 * followed; `reasons` (core's Canceled) and CancellationReasons are a transaction's per-item codes.
 */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { name, code, $metadata, reasons, CancellationReasons, cause } = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    reasons?: unknown;
    CancellationReasons?: { Code?: string }[];
    cause?: unknown;
  };
  const status = $metadata?.httpStatusCode ?? 0;
  const codes = [
    name,
    code,
    ...(Array.isArray(reasons) ? reasons : []),
    ...(CancellationReasons ?? []).map((r) => r.Code),
  ];
  return (
    status === 429 ||
    status >= 500 ||
    codes.some((value) => typeof value === "string" && BUSY.test(value)) ||
    isUnavailable(cause, depth + 1)
  );
}

/**
 * Maps what a handler threw to a response. Only VisibleError texts reach people; a busy or
 * unreachable service is a 503 with Retry-After; anything else is logged with its stack and
 * answered with a request id to quote to support.
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
  // A page cursor altered by the client: DynamoDB refuses its keys as the query's starting point.
  if (c.req.query("cursor") && /starting key|ExclusiveStartKey/i.test(String((error as Error)?.message))) {
    const fields = { cursor: "Неверная ссылка на страницу: откройте список заново" };
    return c.json(errorBody("invalid", "Проверьте заполнение полей", fields), 422);
  }
  const requestId = c.get("requestId") ?? "unknown";
  if (isUnavailable(error)) {
    console.warn(
      JSON.stringify({
        level: "warn",
        requestId,
        path: c.req.path,
        unavailable: String(error).slice(0, 300),
      }),
    );
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return c.json(
      errorBody("unavailable", "Сервис временно перегружен. Повторите через несколько секунд"),
      503,
    );
  }
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
