import { describe, expect, it } from "vitest";
import { areas } from "../areas";
import { areaOperations } from "../contracts";
import { resourceOperations } from "../contracts/resources";
import { app as meta } from "../meta";
import { errorCodesOf, openApiDocument } from "./openapi";
import type { Operation } from "./operation";

const all: Operation[] = areaOperations;

/** API Gateway's route key as a matcher: {proxy+} is any rest of the path. */
const matches = (routeKey: string, method: string, path: string) => {
  const [routeMethod, routePath = ""] = routeKey.split(" ");
  const pattern = new RegExp(`^${routePath.replace("/{proxy+}", "/.+").replace(/\{\w+\}/g, "[^/]+")}$`);
  return (routeMethod === "ANY" || routeMethod === method.toUpperCase()) && pattern.test(path);
};

describe("the API contracts", () => {
  it("route every operation to exactly one area's function", () => {
    // API Gateway takes the most specific matching route: a route without {proxy+} before any
    // with it, then the one with more segments before its {proxy+}; a method before ANY.
    const specificity = (routeKey: string) => {
      const [method, path = ""] = routeKey.split(" ");
      const segments = path.includes("{proxy+}") ? path.split("/").length - 1 : 1000;
      return segments * 2 + (method === "ANY" ? 0 : 1);
    };
    for (const operation of all) {
      const candidates = areas.flatMap((area) =>
        area.routes
          .filter((routeKey) => matches(routeKey, operation.method, operation.path))
          .map((routeKey) => ({ area: area.name, rank: specificity(routeKey) })),
      );
      const best = Math.max(...candidates.map((candidate) => candidate.rank));
      expect(
        [
          ...new Set(
            candidates.filter((candidate) => candidate.rank === best).map((candidate) => candidate.area),
          ),
        ],
        `${operation.method} ${operation.path}`,
      ).toHaveLength(1);
    }
  });

  it("document every operation in OpenAPI 3.1, with request schemas", () => {
    const document = openApiDocument(all, { title: "t", version: "1" });
    expect(document.openapi).toBe("3.1.0");
    for (const operation of all) {
      const entry = document.paths[operation.path]?.[operation.method] as
        | { requestBody?: unknown }
        | undefined;
      expect(entry, `${operation.method} ${operation.path}`).toBeDefined();
      if (operation.body) expect(entry?.requestBody).toBeDefined();
    }
    const apply = document.paths["/api/members"]?.post as {
      requestBody: {
        content: { "application/json": { schema: { required: string[]; properties: object } } };
      };
    };
    const schema = apply.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["kind", "name", "spheres", "municipality"]));
    expect(Object.keys(schema.properties)).toContain("contacts");
  });

  it("name every operation uniquely and describe the API for an integrator", () => {
    const document = openApiDocument(all, { title: "t", version: "1" });
    const ids = all.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z]+$/);
    expect(document.servers.map((server) => server.url)).toEqual([
      "https://nko-kaluga.ru",
      "http://localhost:3000",
    ]);
    expect(document.info.contact.url).toBeDefined();
    expect(document.info.license.identifier).toBe("MIT");
    const tags = new Set(all.map((operation) => operation.tag));
    expect(document.tags.map((tag) => tag.name).sort()).toEqual([...tags].sort());
    for (const tag of document.tags) expect(tag.description).not.toBe(tag.name);
  });

  it("derive each operation's error responses from its definition", () => {
    const codes = (operation: Operation) =>
      Object.fromEntries([...errorCodesOf(operation)].map(([status, set]) => [status, [...set]]));
    // A person's versioned write on a path id, with its own conflict codes.
    expect(codes(resourceOperations.publishResource)).toEqual({
      400: ["bad_json"],
      401: ["unauthorized"],
      403: ["forbidden", "csrf"],
      404: ["not_found"],
      409: ["stale", "busy", "not_draft"],
      413: ["too_large"],
      415: ["unsupported_media_type"],
      422: ["invalid"],
      503: ["unavailable"],
    });
    // A guest's read with a query: only invalid input and a busy database.
    expect(codes(resourceOperations.listResources)).toEqual({ 422: ["invalid"], 503: ["unavailable"] });
    // An upload: no JSON to be malformed, but a size and a type.
    expect(Object.keys(codes(resourceOperations.addResourcePhoto))).toEqual([
      "401",
      "403",
      "404",
      "409",
      "413",
      "415",
      "422",
      "503",
    ]);
    const document = openApiDocument(all, { title: "t", version: "1" });
    const conflict = (
      document.paths["/api/resources/{id}/publish"]!.post as {
        responses: Record<string, { content: Record<string, { schema: { allOf: unknown[] } }> }>;
      }
    ).responses["409"]?.content["application/json"]?.schema;
    expect(conflict?.allOf).toEqual([
      { $ref: "#/components/schemas/Error" },
      { properties: { error: { properties: { code: { enum: ["stale", "busy", "not_draft"] } } } } },
    ]);
  });

  it("serve the document at /api/openapi.json", async () => {
    const response = await meta.request("/api/openapi.json");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/api/members", "/api/auth/code"]));
  });
});
