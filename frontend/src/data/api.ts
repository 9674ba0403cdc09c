/**
 * The one way the SPA talks to the API: same origin, cookie session, JSON in and out.
 * Every failure becomes an ApiError carrying the server's `{ error: { code, message, fields } }`.
 */

export type FieldErrors = Record<string, string>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** Seconds from the Retry-After header of a 429 answer. */
  readonly retryAfter?: number;

  constructor(status: number, code: string, message: string, fields: FieldErrors = {}, retryAfter?: number) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.retryAfter = retryAfter;
  }
}

const fallbackMessages: Record<number, string> = {
  401: "Войдите, чтобы продолжить.",
  403: "У вас нет прав на это действие.",
  404: "Не найдено.",
  409: "Данные изменились. Обновите страницу.",
  429: "Слишком много попыток. Подождите немного и попробуйте снова.",
};

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toError(response: Response): Promise<ApiError> {
  let body: { error?: { code?: string; message?: string; fields?: FieldErrors } } = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, for example): fall back to the status.
  }
  const error = body.error ?? {};
  return new ApiError(
    response.status,
    error.code ?? `http_${response.status}`,
    error.message ?? fallbackMessages[response.status] ?? "Что-то пошло не так. Попробуйте ещё раз позже.",
    error.fields ?? {},
    retryAfterSeconds(response.headers.get("retry-after")),
  );
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A file sent as the raw request body (an image upload), with its declared type. */
export type RawBody = { blob: Blob; type: string };

const isRaw = (body: unknown): body is RawBody =>
  typeof body === "object" && body !== null && "blob" in body && body.blob instanceof Blob;

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    const raw = isRaw(body) ? body : undefined;
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(raw ? { "content-type": raw.type } : {}),
        ...(body !== undefined && !raw ? { "content-type": "application/json" } : {}),
      },
      body: raw ? raw.blob : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      "network",
      "Нет связи с сервером. Проверьте подключение к интернету и попробуйте ещё раз.",
    );
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file answer (a PDF) as a Blob, with the name its Content-Disposition gives. */
export async function download(path: string): Promise<{ blob: Blob; fileName?: string }> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin" });
  } catch {
    throw new ApiError(
      0,
      "network",
      "Нет связи с сервером. Проверьте подключение к интернету и попробуйте ещё раз.",
    );
  }
  if (!response.ok) throw await toError(response);
  const fileName = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  return { blob: await response.blob(), fileName };
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  /** Uploads a file as the raw body (not multipart): the API reads the type from content-type. */
  putFile: <T>(path: string, file: RawBody) => request<T>("PUT", path, file),
  postFile: <T>(path: string, file: RawBody) => request<T>("POST", path, file),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** Builds a query string, leaving out empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export type Page<T> = { items: T[]; cursor: string | null };
