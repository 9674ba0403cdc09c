import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { SESSION_TTL_MS } from "@cluster/core/auth/index";
import { readConfig, setConfig } from "@cluster/core/config";
import { API_CSP, HSTS, securityHeaders, webCsp } from "@cluster/functions/http/headers";
import { startSession } from "@cluster/functions/http/session";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import { areas } from "../../functions/src/areas";
import { createPortalApp } from "../../packages/local/src/server";
import { tinyPng } from "../fixtures/images";
import { asCoordinator, Client, lastCode, portalUrl, uniqueEmail } from "./client";
import { application, beganAnHourAgo, webinar } from "./fixtures";

/** What every answer carries, API or page; only the CSP differs between the two. */
function expectSecurityHeaders(headers: Headers, csp: string, what: string) {
  expect(headers.get("content-security-policy"), what).toBe(csp);
  expect(headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(headers.get("x-frame-options"), what).toBe("DENY");
  expect(headers.get("referrer-policy"), what).toBe("strict-origin-when-cross-origin");
  expect(headers.get("permissions-policy"), what).toMatch(/camera=\(\)/);
  expect(headers.get("cross-origin-opener-policy"), what).toBe("same-origin");
  // The embedded portal runs on plain http: HSTS there would only be ignored by browsers.
  expect(headers.get("strict-transport-security"), what).toBeNull();
}

/** One GET per area, answered 200 to the coordinator; a new area without one fails here. */
const getOf: Record<string, string> = {
  auth: "/api/auth/session",
  accounts: "/api/accounts",
  members: "/api/members",
  resources: "/api/resources",
  responses: "/api/responses/mine",
  consultations: "/api/consultations",
  events: "/api/events",
  // Filled in by the test: the desk's routes are those of one of the coordinator's events.
  eventDesk: "",
  eventEditor: "/api/events/proposals",
  // Filled in by the test: the check of a certificate the coordinator earned at their own event.
  certificates: "",
  materials: "/api/materials",
  digests: "/api/digests/defaults",
  reports: "/api/reports/figures?from=2026-01-01&to=2026-01-31",
  search: `/api/search?q=${encodeURIComponent("калуга")}`,
  meta: "/api/config",
};

/** The site's policy on this portal: uploads go to its local S3. */
const WEB_CSP = webCsp(process.env.S3_ENDPOINT ?? "");

describe("security headers", () => {
  it("are on every area's JSON answer", async () => {
    const boss = await asCoordinator();
    const event = (await boss.post("/api/events", webinar({ questions: [] }))).json;
    getOf.eventDesk = `/api/events/${event.id}/participants`;
    await boss.post(`/api/events/${event.id}/registration`, {});
    const { ticket } = (await boss.get(`/api/events/${event.id}`)).json.myRegistration;
    await boss.post(`/api/events/${event.id}/check-in`, { ticket });
    await beganAnHourAgo(event.id);
    await boss.put(`/api/events/${event.id}/outcome`, { materials: [], version: event.version });
    await fetch(`${portalUrl()}/api/events/${event.id}/certificate`, { headers: { cookie: boss.cookie } });
    getOf.certificates = `/api/certificates/${(await boss.get(`/api/events/${event.id}`)).json.myRegistration.certificateCode}`;
    expect(Object.keys(getOf).sort()).toEqual(areas.map((area) => area.name).sort());
    for (const area of areas) {
      const answer = await boss.get(getOf[area.name]!);
      expect(answer.status, area.name).toBe(200);
      expect(answer.headers.get("content-type"), area.name).toMatch(/^application\/json/);
      expectSecurityHeaders(answer.headers, API_CSP, `${area.name}: ${getOf[area.name]}`);
    }
  });

  it("are on errors: unknown API path (404), invalid input (422), no session (401), CSRF (403)", async () => {
    const guest = new Client();
    const notFound = await guest.get("/api/no-such-thing");
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound.headers, API_CSP, "404 outside every area");

    const missing = await guest.get("/api/members/01J00000000000000000000000");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing.headers, API_CSP, "404 of an area");

    const invalid = await guest.post("/api/auth/code", { email: "not an address" });
    expect(invalid.status).toBe(422);
    expectSecurityHeaders(invalid.headers, API_CSP, "422");

    const unauthorised = await guest.get("/api/accounts/me/export");
    expect(unauthorised.status).toBe(401);
    expectSecurityHeaders(unauthorised.headers, API_CSP, "401");

    const boss = await asCoordinator();
    const forged = await boss.request("POST", "/api/auth/logout", {}, { origin: "https://evil.example" });
    expect(forged.status).toBe(403);
    expectSecurityHeaders(forged.headers, API_CSP, "403 csrf");
  });

  it("are on images, which keep their own nosniff and content type", async () => {
    const boss = await asCoordinator();
    const { json: created } = await boss.post("/api/members", application());
    const uploaded = await boss.upload("PUT", `/api/members/${created.id}/logo`, tinyPng, "image/png");
    expect(uploaded.status).toBe(200);
    await boss.post(`/api/members/${created.id}/approve`, { version: uploaded.json.version });
    const image = await fetch(`${portalUrl()}${uploaded.json.logoUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expectSecurityHeaders(image.headers, API_CSP, "logo");
  });

  it("are on the portal's pages, whatever the frontend build", async () => {
    // 200 with index.html once the frontend is built, 503 before: the headers either way.
    for (const path of ["/", "/members", "/resources/new"]) {
      const page = await fetch(`${portalUrl()}${path}`);
      expectSecurityHeaders(page.headers, WEB_CSP, path);
    }
  });

  describe("on the local server's files", () => {
    const webRoot = mkdtempSync(join(tmpdir(), "headers-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(
      join(webRoot, "index.html"),
      '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    writeFileSync(join(webRoot, "assets/app-1a2b.js"), "console.log(1)");
    writeFileSync(join(webRoot, "assets/app-1a2b.css"), "body{}");
    mkdirSync(join(webRoot, "api/docs"), { recursive: true });
    writeFileSync(join(webRoot, "api/docs/index.html"), "<!doctype html><title>API</title>");
    // Relative, as the portal passes it: serveStatic joins its root to the request path.
    const app = createPortalApp(relative(process.cwd(), webRoot));
    afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

    it("the SPA's index for any route, and the hashed assets", async () => {
      for (const path of ["/", "/index.html", "/members/01J00000000000000000000000", "/login"]) {
        const page = await app.request(path);
        expect(page.status, path).toBe(200);
        expect(page.headers.get("content-type"), path).toMatch(/^text\/html/);
        expectSecurityHeaders(page.headers, WEB_CSP, path);
      }
      for (const path of ["/assets/app-1a2b.js", "/assets/app-1a2b.css"]) {
        const asset = await app.request(path);
        expect(asset.status, path).toBe(200);
        expect(asset.headers.get("cache-control"), path).toMatch(/immutable/);
        expectSecurityHeaders(asset.headers, WEB_CSP, path);
      }
      const missing = await app.request("/api/nothing-here");
      expect(missing.status).toBe(404);
      expectSecurityHeaders(missing.headers, API_CSP, "/api 404 of the local server");
    });

    it("the API's reference page, a page of the site under /api with the site's policy", async () => {
      for (const path of ["/api/docs", "/api/docs/", "/api/docs/index.html"]) {
        const page = await app.request(path);
        expect(page.status, path).toBe(200);
        expect(await page.text(), path).toContain("<title>API</title>");
        expectSecurityHeaders(page.headers, WEB_CSP, path);
      }
      const missing = await app.request("/api/docsearch");
      expect(missing.status).toBe(404);
      expectSecurityHeaders(missing.headers, API_CSP, "/api/docsearch");
    });
  });

  it("the SPA's policy allows no inline script, framing or foreign origin", () => {
    const directives = Object.fromEntries(
      WEB_CSP.split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(" ")];
      }),
    );
    expect(directives["script-src"]).toBe("'self'");
    expect(directives["style-src"]).toBe("'self'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["object-src"]).toBe("'none'");
    // The API on the same origin, and the files bucket that documents are uploaded to, nothing else.
    expect(directives["connect-src"]).toBe(`'self' ${process.env.S3_ENDPOINT}`);
    expect(directives["img-src"]).toBe("'self' data: blob:");
    expect(WEB_CSP).not.toMatch(/unsafe-(inline|eval)|\*/);
    expect(webCsp("https://files.example")).toContain("connect-src 'self' https://files.example;");
  });

  it("HSTS in production and behind an https public address, not on plain local http", async () => {
    const app = new Hono().use(securityHeaders()).get("/", (c) => c.json({ ok: true }));
    try {
      for (const [env, expected] of [
        [{ PUBLIC_URL: "https://nko-kaluga.ru" }, HSTS],
        [{ STAGE: "prod" }, HSTS],
        [{ PUBLIC_URL: "http://localhost:3000" }, null],
      ] as const) {
        setConfig(readConfig({ ...env }));
        const answer = await app.request("/");
        expect(answer.headers.get("strict-transport-security"), JSON.stringify(env)).toBe(expected);
      }
    } finally {
      setConfig(readConfig());
    }
  });
});

/** The cookie's attributes, names lower-cased: { httponly: "", samesite: "Lax", ... }. */
function cookieAttributes(setCookie: string | null) {
  expect(setCookie).toBeTruthy();
  const [pair, ...attributes] = setCookie!.split(";").map((part) => part.trim());
  const [name, value] = pair!.split("=");
  return {
    name,
    value,
    ...Object.fromEntries(
      attributes.map((attribute) => {
        const [key, ...rest] = attribute.split("=");
        return [key!.toLowerCase(), rest.join("=")];
      }),
    ),
  } as Record<string, string | undefined>;
}

describe("the session cookie", () => {
  const post = (path: string, body: unknown) =>
    fetch(`${portalUrl()}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: portalUrl() },
      body: JSON.stringify(body),
    });

  it("is HttpOnly, SameSite=Lax, for the whole site, for 30 days, and not Secure on plain http", async () => {
    const email = uniqueEmail("cookie");
    expect((await post("/api/auth/code", { email })).status).toBe(202);
    const verified = await post("/api/auth/verify", { email, code: await lastCode(email) });
    const { signupToken } = (await verified.json()) as { signupToken: string };
    const { consent } = await import("@cluster/core/reference");
    const signedUp = await post("/api/auth/signup", {
      signupToken,
      name: "Печенье Проверочное",
      consent: true,
      consentVersion: consent.version,
    });
    expect(signedUp.status).toBe(201);
    const cookie = cookieAttributes(signedUp.headers.get("set-cookie"));
    expect(cookie.name).toBe("session");
    expect(cookie.value?.length).toBeGreaterThanOrEqual(32);
    expect(cookie).toHaveProperty("httponly", "");
    expect(cookie.samesite).toBe("Lax");
    expect(cookie.path).toBe("/");
    expect(Number(cookie["max-age"])).toBe(SESSION_TTL_MS / 1000);
    expect(cookie).not.toHaveProperty("secure");
    expect(cookie).not.toHaveProperty("domain");

    // A refused code sets no cookie at all.
    const again = await post("/api/auth/verify", { email, code: "000000" });
    expect(again.headers.get("set-cookie")).toBeNull();

    const loggedOut = await fetch(`${portalUrl()}/api/auth/logout`, {
      method: "POST",
      headers: { origin: portalUrl(), cookie: `session=${cookie.value}` },
    });
    const cleared = cookieAttributes(loggedOut.headers.get("set-cookie"));
    expect(cleared.value).toBe("");
    expect(cleared["max-age"]).toBe("0");
    expect(cleared.path).toBe("/");
  });

  it("is Secure when the portal is served over https", async () => {
    const app = new Hono().get("/", (c) => {
      startSession(c, "t".repeat(43));
      return c.body(null, 204);
    });
    try {
      setConfig(readConfig({ PUBLIC_URL: "https://nko-kaluga.ru" }));
      const cookie = cookieAttributes((await app.request("/")).headers.get("set-cookie"));
      expect(cookie).toHaveProperty("secure", "");
      expect(cookie).toHaveProperty("httponly", "");
      expect(cookie.samesite).toBe("Lax");
      expect(cookie.path).toBe("/");
      expect(Number(cookie["max-age"])).toBe(SESSION_TTL_MS / 1000);

      setConfig(readConfig({ PUBLIC_URL: "http://localhost:3000" }));
      expect(cookieAttributes((await app.request("/")).headers.get("set-cookie"))).not.toHaveProperty(
        "secure",
      );
    } finally {
      setConfig(readConfig());
    }
  });
});
