import { describe, expect, it } from "vitest";
import { areas } from "../areas";
import { areaOperations } from "../contracts";
import { app as meta } from "../meta";
import { openApiDocument } from "./openapi";
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
    for (const operation of all) {
      const owners = areas.filter((area) =>
        area.routes.some((routeKey) => matches(routeKey, operation.method, operation.path)),
      );
      expect(
        owners.map((area) => area.name),
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

  it("serve the document at /api/openapi.json", async () => {
    const response = await meta.request("/api/openapi.json");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/api/members", "/api/auth/code"]));
  });
});
