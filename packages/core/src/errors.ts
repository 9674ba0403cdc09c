/**
 * The only errors whose text a person sees. Core throws them; the API maps each to one
 * HTTP status and the JSON shape `{ error: { code, message, fields? } }`.
 */
export type FieldErrors = Record<string, string>;

export class VisibleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export class Invalid extends VisibleError {
  constructor(fields: FieldErrors, message = "Проверьте заполнение полей") {
    super("invalid", message, 422, fields);
  }
}

export class Unauthorized extends VisibleError {
  constructor(message = "Войдите, чтобы продолжить") {
    super("unauthorized", message, 401);
  }
}

export class Forbidden extends VisibleError {
  constructor(message = "Недостаточно прав") {
    super("forbidden", message, 403);
  }
}

export class NotFound extends VisibleError {
  constructor(message = "Не найдено") {
    super("not_found", message, 404);
  }
}

export class Conflict extends VisibleError {
  constructor(message: string, code = "conflict", fields?: FieldErrors) {
    super(code, message, 409, fields);
  }
}

export class RateLimited extends VisibleError {
  constructor(
    readonly retryAfterSeconds: number,
    message = "Слишком много попыток, попробуйте позже",
  ) {
    super("rate_limited", message, 429);
  }
}

/** An optimistic-lock miss: someone saved the record since this person read it. */
export const stale = () =>
  new Conflict("Запись уже изменил кто-то другой: обновите страницу и повторите", "stale");
