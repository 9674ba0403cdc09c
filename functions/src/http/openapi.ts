import * as z from "zod/mini";
import type { ErrorStatus, Operation } from "./operation";

/** The one error shape of every API response that is not a success. */
const errorSchema = {
  type: "object",
  required: ["error"],
  additionalProperties: false,
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      additionalProperties: false,
      properties: {
        code: { type: "string", description: "Stable, for programs: `invalid`, `not_found`, `stale`…" },
        message: { type: "string", description: "For people, in Russian" },
        fields: {
          type: "object",
          description: "For `invalid`: a message per field of the body or query",
          additionalProperties: { type: "string" },
        },
      },
    },
  },
};

const errorDescriptions: Record<number, string> = {
  400: "The body is not valid JSON",
  401: "Not signed in",
  403: "Signed in, but not allowed; or a write without the portal's CSRF header",
  404: "No such item, or not visible to this caller",
  409: "The item changed meanwhile (`stale`: reload and retry) or is in a state that forbids this",
  413: "The body is over the operation's limit",
  415: "The body's content type is not one the operation takes",
  422: "Fields that do not pass validation, each with its message",
  429: "Too many attempts: retry after the Retry-After header's seconds",
  503: "The database is busy or unreachable: retry after the Retry-After header's seconds",
};

const tagDescriptions: Record<string, string> = {
  Вход: "Sign-in by a code sent to the email, sign-up, the session",
  "Учётные записи": "A person's account, the export and deletion of their data; roles by coordinators",
  Участники: "Member organisations: applications, approval, the public directory, representatives",
  "Банк ресурсов": "Offers and requests of premises, equipment, specialists, materials and services",
  "Банк ресурсов: отклики и вклад": "Responses to listings, what was handed over, and the public ledger",
  Консультации: "Questions to experts and officials, answers on a deadline, the knowledge base",
  Мероприятия: "The programme: meetings, webinars, sessions and the fair; registration with a waitlist",
  Сертификаты: "Certificates of attendance as PDF, and the public check of their codes",
  Библиотека:
    "Methodological materials: articles, document templates in S3 with their versions, links, recordings",
  Дайджесты: "Email digests: subscription with confirmation, preferences, unsubscribe",
  Отчёты: "Activity reports for coordinators, as figures and files",
  Поиск: "The portal-wide search in Russian",
  Служебное: "This document, the deployment's settings, liveness",
};

/** A schema inside the document, whose dialect the document declares once (no `$schema` of its own). */
const jsonSchema = (schema: z.ZodMiniType, io: "input" | "output") => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  });
  return rest;
};

const RETRY_AFTER = {
  "Retry-After": { description: "Seconds to wait", schema: { type: "integer", minimum: 1 } },
};

/**
 * The error codes an operation can answer with, by status, derived from its definition so a new
 * operation gets them without a list: a JSON body can be malformed (400), too large (413), of
 * another type (415) or invalid (422); a person's operation needs a session (401) and may be
 * refused (403); any write needs the CSRF header (403) and its transaction may meet another
 * (409 `busy`); a path id may name nothing (404); a versioned write may meet a newer version
 * (409 `stale`); the database may be busy (503).
 */
export function errorCodesOf(operation: Operation): Map<number, Set<string>> {
  const codes = new Map<number, Set<string>>();
  const add = (status: number, ...values: readonly string[]) => {
    const set = codes.get(status) ?? new Set<string>();
    for (const value of values) set.add(value);
    codes.set(status, set);
  };
  const takesBody = operation.body !== undefined || operation.upload !== undefined;
  if (operation.body) add(400, "bad_json");
  if (operation.access !== "guest") add(401, "unauthorized");
  if (operation.access !== "guest") add(403, "forbidden");
  if (operation.method !== "get") add(403, "csrf");
  if (operation.path.includes("{")) add(404, "not_found");
  const bodyFields = operation.body
    ? ((jsonSchema(operation.body, "input") as { properties?: object }).properties ?? {})
    : {};
  if ("version" in bodyFields) add(409, "stale");
  if (operation.method !== "get") add(409, "busy");
  if (takesBody) add(413, "too_large");
  if (takesBody) add(415, "unsupported_media_type");
  if (takesBody || operation.query) add(422, "invalid");
  for (const [status, values] of Object.entries(operation.errors ?? {}) as [
    `${ErrorStatus}`,
    readonly string[],
  ][]) {
    add(Number(status), ...values);
  }
  add(503, "unavailable");
  return new Map([...codes].sort(([a], [b]) => a - b));
}

function successOf(operation: Operation) {
  const status = String(operation.status ?? (operation.response || operation.produces ? 200 : 204));
  if (operation.status === 302) {
    return {
      [status]: {
        description: "Redirect",
        headers: { Location: { description: "Where to go", schema: { type: "string" } } },
      },
    };
  }
  const content = operation.response
    ? { "application/json": { schema: jsonSchema(operation.response, "output") } }
    : operation.produces
      ? Object.fromEntries(
          operation.produces.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
        )
      : undefined;
  return { [status]: { description: status === "204" ? "Done" : "OK", ...(content ? { content } : {}) } };
}

function errorResponsesOf(operation: Operation) {
  return Object.fromEntries(
    [...errorCodesOf(operation)].map(([status, codes]) => [
      String(status),
      {
        description: errorDescriptions[status] ?? "Error",
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
        content: {
          "application/json": {
            schema: {
              allOf: [
                { $ref: "#/components/schemas/Error" },
                { properties: { error: { properties: { code: { enum: [...codes] } } } } },
              ],
            },
          },
        },
      },
    ]),
  );
}

function parametersOf(operation: Operation) {
  return [
    ...[...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: "path",
      required: true,
      schema: { type: "string", maxLength: 64 },
    })),
    ...(operation.query
      ? Object.entries(
          (jsonSchema(operation.query, "input") as { properties?: Record<string, unknown> }).properties ?? {},
        ).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
      : []),
  ];
}

function requestBodyOf(operation: Operation) {
  if (operation.upload) {
    return {
      required: true,
      content: Object.fromEntries(
        operation.upload.types.map((type) => [type, { schema: { type: "string", format: "binary" } }]),
      ),
    };
  }
  if (operation.body) {
    return {
      required: true,
      content: { "application/json": { schema: jsonSchema(operation.body, "input") } },
    };
  }
  return undefined;
}

/** The OpenAPI 3.1 document, built from the same schemas that validate requests. */
export function openApiDocument(operations: Operation[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = parametersOf(operation);
    const requestBody = requestBodyOf(operation);
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      operationId: operation.operationId,
      summary: operation.summary,
      tags: [operation.tag],
      "x-access": operation.access,
      ...(operation.access === "guest" ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: { ...successOf(operation), ...errorResponsesOf(operation) },
    };
  }
  const tags = [...new Set(operations.map((operation) => operation.tag))];
  return {
    openapi: "3.1.0",
    info: {
      ...info,
      description:
        "The API of the Kaluga region NGO Cluster portal. Every error has the shape " +
        "`{ error: { code, message, fields? } }`; messages are in Russian, codes are stable.",
      contact: { name: "Кластер НКО Калужской области", url: "https://nko-kaluga.ru" },
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [
      { url: "https://nko-kaluga.ru", description: "Production" },
      { url: "http://localhost:3000", description: "Local (npm start)" },
    ],
    tags: tags.map((name) => ({ name, description: tagDescriptions[name] ?? name })),
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "session" } },
    },
    security: [{ session: [] }],
  };
}
