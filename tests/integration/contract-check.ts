import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ApiExchange } from "../../packages/local/src/server";

type Responses = Record<string, { content?: Record<string, unknown> }>;
interface OpenApi {
  paths: Record<string, Record<string, { operationId: string; responses: Responses }>>;
}

/** A JSON pointer's token as it goes in a URI fragment. */
const token = (value: string) => encodeURIComponent(value.replace(/~/g, "~0").replace(/\//g, "~1"));

/**
 * Checks API responses against the OpenAPI document the portal serves: the operation must list
 * the status, the content type must be one it lists for that status, and a JSON body must match
 * its schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1). Collects every mismatch.
 */
export function contractChecker(document: OpenApi) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(document, "openapi");
  // Literal segments before path parameters: /api/members/newest is not /api/members/{id}.
  const routes = Object.entries(document.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method: method.toUpperCase(),
        operation,
        pattern: new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`),
        parameters: (path.match(/\{/g) ?? []).length,
      })),
    )
    .sort((a, b) => a.parameters - b.parameters);
  const checked = new Map<string, Set<number>>();
  let responses = 0;
  const problems: string[] = [];

  function check({ method, path, status, contentType, body }: ApiExchange) {
    const route = routes.find((one) => one.method === method && one.pattern.test(path));
    // Not an operation (an unknown /api path, HEAD, a local-only route): nothing to hold it to.
    if (!route) return;
    const { operationId, responses: documented } = route.operation;
    const where = `${operationId} (${method} ${path}) ${status}`;
    const response = documented[String(status)];
    responses += 1;
    checked.set(operationId, (checked.get(operationId) ?? new Set()).add(status));
    if (!response) {
      problems.push(`${where}: the document lists no ${status} for this operation`);
      return;
    }
    const type = contentType?.split(";")[0]?.trim().toLowerCase();
    if (!response.content) {
      if (body.byteLength > 0) problems.push(`${where}: a body where the document has none`);
      return;
    }
    if (!type || !(type in response.content)) {
      problems.push(
        `${where}: content type ${type} is not one of ${Object.keys(response.content).join(", ")}`,
      );
      return;
    }
    if (type !== "application/json") return;
    const pointer = [
      "paths",
      route.path,
      route.method.toLowerCase(),
      "responses",
      String(status),
      "content",
      type,
      "schema",
    ];
    const validate = ajv.getSchema(`openapi#/${pointer.map(token).join("/")}`);
    if (!validate) throw new Error(`${where}: no schema at ${pointer.join(" / ")}`);
    const text = new TextDecoder().decode(body);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      problems.push(`${where}: the body is not JSON: ${text.slice(0, 200)}`);
      return;
    }
    if (!validate(value)) {
      problems.push(`${where}: ${ajv.errorsText(validate.errors)}; body ${text.slice(0, 300)}`);
    }
  }

  const operations = routes.map((route) => route.operation.operationId);
  return {
    check,
    report: () => ({
      responses,
      operations: checked.size,
      of: operations.length,
      unchecked: operations.filter((id) => !checked.has(id)),
      problems,
    }),
  };
}
