import { Hono } from "hono/tiny";
import { describe, expect, it } from "vitest";
import { type HttpApiEvent, handle } from "./lambda";

const app = new Hono();
app.post("/api/echo", async (c) => {
  c.header("set-cookie", "session=abc; Path=/; HttpOnly");
  c.header("x-one", "1");
  return c.json({
    query: c.req.query("q"),
    cookie: c.req.header("cookie"),
    body: await c.req.text(),
    ip: (c.env as { requestContext: { http: { sourceIp: string } } }).requestContext.http.sourceIp,
  });
});
app.get("/api/image", (c) =>
  c.body(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]), 200, { "content-type": "image/png" }),
);
app.get("/api/empty", (c) => c.body(null, 204));

const event = (overrides: Partial<HttpApiEvent> & { method?: string }): HttpApiEvent => ({
  rawPath: "/api/echo",
  headers: { host: "portal.example", "content-type": "application/json" },
  requestContext: {
    domainName: "portal.example",
    http: { method: overrides.method ?? "POST", sourceIp: "203.0.113.7" },
  },
  ...overrides,
});

describe("the HTTP API (payload 2.0) adapter", () => {
  it("passes the path, query, cookies, body and source IP in, and headers and cookies out", async () => {
    const result = await handle(app)(
      event({
        rawQueryString: "q=%D0%B7%D0%B0%D0%BB",
        cookies: ["session=old", "theme=light"],
        body: Buffer.from('{"слово":"зал"}').toString("base64"),
        isBase64Encoded: true,
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(false);
    expect(JSON.parse(result.body)).toEqual({
      query: "зал",
      cookie: "session=old; theme=light",
      body: '{"слово":"зал"}',
      ip: "203.0.113.7",
    });
    expect(result.cookies).toEqual(["session=abc; Path=/; HttpOnly"]);
    expect(result.headers["x-one"]).toBe("1");
    expect(result.headers["set-cookie"]).toBeUndefined();
  });

  it("returns binary bodies base64-encoded and empty ones as empty text", async () => {
    const image = await handle(app)(event({ rawPath: "/api/image", method: "GET" }));
    expect(image.isBase64Encoded).toBe(true);
    expect([...Buffer.from(image.body, "base64")]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const empty = await handle(app)(event({ rawPath: "/api/empty", method: "GET" }));
    expect(empty).toMatchObject({ statusCode: 204, body: "", isBase64Encoded: false });
  });
});
