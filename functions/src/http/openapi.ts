import * as z from "zod/mini";
import type { Operation } from "./operation";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        fields: { type: "object", additionalProperties: { type: "string" } },
      },
    },
  },
};

const jsonSchema = (schema: z.ZodMiniType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

/** The OpenAPI 3.1 document, built from the same schemas that validate requests. */
export function openApiDocument(operations: Operation[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const parameters = [
      ...[...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...(operation.query
        ? Object.entries(
            (jsonSchema(operation.query, "input") as { properties?: Record<string, unknown> }).properties ??
              {},
          ).map(([name, schema]) => ({ name, in: "query", required: false, schema }))
        : []),
    ];
    const success = String(operation.status ?? (operation.response ? 200 : 204));
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method] = {
      summary: operation.summary,
      tags: [operation.tag],
      "x-access": operation.access,
      ...(parameters.length ? { parameters } : {}),
      ...(operation.upload
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                operation.upload.types.map((type) => [
                  type,
                  { schema: { type: "string", format: "binary" } },
                ]),
              ),
            },
          }
        : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(operation.body, "input") } },
            },
          }
        : {}),
      responses: {
        [success]: operation.response
          ? {
              description: "OK",
              content: { "application/json": { schema: jsonSchema(operation.response, "output") } },
            }
          : { description: "OK" },
        default: { description: "Error", content: { "application/json": { schema: errorSchema } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "session" } },
    },
    security: [{ session: [] }],
  };
}
