import { type Actor, guest, requirePerson } from "@cluster/core/actor";
import { Invalid, NotFound, VisibleError } from "@cluster/core/errors";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { Hono } from "hono/tiny";
import type { z } from "zod/mini";
import { errorBody, fieldErrors, toResponse } from "./errors";
import { securityHeaders } from "./headers";
import type { Operation } from "./operation";

export interface Env {
  Variables: { actor: Actor; requestId: string };
}

export const MAX_BODY_BYTES = 64 * 1024;

/**
 * A hono app with the portal's error shape and request ids, where everyone is a guest:
 * enough for public areas, and light, since it loads no database code. Areas with people
 * use createAreaApp (./session.ts), which adds the session and the CSRF check.
 */
export function createPublicApp() {
  const app = new Hono<Env>();
  app.use(requestId({ headerName: "x-request-id" }));
  app.use(securityHeaders());
  app.use(async (c, next) => {
    c.set("actor", guest);
    await next();
  });
  app.onError(toResponse);
  app.notFound((c) => c.json(errorBody("not_found", "Нет такого адреса API"), 404));
  return app;
}

async function readJson(c: Context) {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new VisibleError("unsupported_media_type", "Тело запроса должно быть в формате JSON", 415);
  }
  try {
    return await c.req.json();
  } catch {
    throw new VisibleError("bad_json", "Тело запроса не является корректным JSON", 400);
  }
}

function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Invalid(fieldErrors(result.error));
  return result.data;
}

async function readUpload(c: Context, { types }: NonNullable<Operation["upload"]>) {
  const contentType = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!types.includes(contentType)) {
    throw new VisibleError("unsupported_media_type", `Ожидается файл: ${types.join(", ")}`, 415);
  }
  return { contentType, bytes: new Uint8Array(await c.req.arrayBuffer()) };
}

/** Past this a client is not worth waiting for: the connection is cut instead. */
const DRAIN_LIMIT_BYTES = 2 * 1024 * 1024;

async function drain(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  for (let read = 0; read <= DRAIN_LIMIT_BYTES; ) {
    const { done, value } = await reader.read();
    if (done) return;
    read += value.byteLength;
  }
  await reader.cancel();
}

/**
 * Refuses bodies over the operation's limit with a 413 the client can read: a body declared too
 * large is read and dropped first, since a server that answers mid-upload and closes leaves the
 * browser with a network error instead. Bodies without a length are counted as they stream.
 */
const limitBody = (maxSize: number): MiddlewareHandler => {
  const tooLarge = (c: Context) =>
    c.json(
      errorBody("too_large", `Слишком большой запрос: не больше ${Math.round(maxSize / 1024)} КБ`),
      413,
      {
        connection: "close",
      },
    );
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    // A GET has no body to limit; asking for one would build the request's full web stream.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const declared = Number(c.req.header("content-length"));
    if (declared > maxSize) {
      if (c.req.raw.body) await drain(c.req.raw.body);
      return tooLarge(c);
    }
    return streamed(c, next);
  };
};

type Input<O extends Operation> = {
  upload: O["upload"] extends object ? { contentType: string; bytes: Uint8Array } : undefined;
  body: O["body"] extends z.ZodMiniType ? z.output<O["body"]> : undefined;
  query: O["query"] extends z.ZodMiniType ? z.output<O["query"]> : undefined;
  actor: Actor;
};

/**
 * Routes an operation: validates its body and query with the operation's schemas, then
 * hands the typed input to the handler. Returning nothing answers 204.
 */
export function bind<O extends Operation>(
  app: Hono<Env>,
  operation: O,
  handler: (input: Input<O>, c: Context<Env>) => Promise<unknown>,
) {
  const path = operation.path.replace(/\{(\w+)\}/g, ":$1");
  app.on(
    operation.method.toUpperCase(),
    path,
    limitBody(operation.upload?.maxBytes ?? MAX_BODY_BYTES),
    async (c) => {
      // Ids are ULIDs: a longer one names nothing, and DynamoDB would refuse it as a key.
      if (Object.values(c.req.param() as Record<string, string>).some((value) => value.length > 64)) {
        throw new NotFound();
      }
      // Say "sign in" before "fix these fields": a guest cannot act on either answer otherwise.
      if (operation.access !== "guest") requirePerson(c.get("actor"));
      const input = {
        upload: operation.upload ? await readUpload(c, operation.upload) : undefined,
        body: operation.body ? parse(operation.body, await readJson(c)) : undefined,
        query: operation.query ? parse(operation.query, c.req.query()) : undefined,
        actor: c.get("actor"),
      } as Input<O>;
      const result = await handler(input, c);
      if (result instanceof Response) return result;
      if (result === undefined) return c.body(null, 204);
      return c.json(result as object, operation.status ?? 200);
    },
  );
}
