import { consent } from "@cluster/core/reference";
import createClient, { type Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import type { paths } from "../../dist/api/schema";
import { lastCode, portalUrl, uniqueEmail } from "./client";
import { daysFromNow } from "./fixtures";

/**
 * An integrator's program: a client generated from /api/openapi.json (openapi-typescript, by
 * `npm run api`) with openapi-fetch. It compiles only while the document describes these calls, so
 * a change that breaks the contract breaks `npm run typecheck`.
 */
function typedClient() {
  let cookie = "";
  // A browser's part: the session cookie back, and Origin on every request (the CSRF check).
  const session: Middleware = {
    onRequest: ({ request }) => {
      request.headers.set("origin", portalUrl());
      if (cookie) request.headers.set("cookie", cookie);
      return request;
    },
    onResponse: ({ response }) => {
      const pair = response.headers.get("set-cookie")?.split(";")[0];
      if (pair) cookie = pair.endsWith("=") ? "" : pair;
      return response;
    },
  };
  const client = createClient<paths>({ baseUrl: portalUrl() });
  client.use(session);
  return client;
}

describe("a client generated from the OpenAPI document", () => {
  it("finds the document and the health check where the document says", async () => {
    const api = typedClient();
    const document = await api.GET("/api/openapi.json");
    expect(document.data?.openapi).toBe("3.1.0");
    expect(Object.keys(document.data?.paths ?? {})).toContain("/api/resources");
    expect((await api.GET("/api/health")).data).toEqual({ ok: true });
  });

  it("lists organisations, signs in and creates a Resource Bank listing", async () => {
    const api = typedClient();
    const directory = await api.GET("/api/members", { params: { query: { kind: "ngo", limit: 5 } } });
    expect(directory.response.status).toBe(200);
    expect(directory.data?.items.length).toBeGreaterThan(0);
    expect(directory.data?.items.every((item) => item.kind === "ngo")).toBe(true);

    const email = uniqueEmail("typed");
    const requested = await api.POST("/api/auth/code", { body: { email } });
    expect(requested.data?.ok).toBe(true);
    const verified = await api.POST("/api/auth/verify", { body: { email, code: await lastCode(email) } });
    expect(verified.data?.next).toBe("sign-up");
    const signupToken = verified.data?.next === "sign-up" ? verified.data.signupToken : "";
    const signedUp = await api.POST("/api/auth/signup", {
      body: {
        signupToken,
        name: "Интегратор Типизированный",
        consent: true,
        consentVersion: consent.version,
      },
    });
    expect(signedUp.response.status).toBe(201);
    expect((await api.GET("/api/auth/session")).data?.account?.email).toBe(email);

    const created = await api.POST("/api/resources", {
      body: {
        kind: "offer",
        category: "equipment",
        title: "Проектор для встреч и вебинаров",
        description: "Проектор и экран на время мероприятия, привезём в Калуге.",
        place: "kaluga",
        quantity: 1,
        availableFrom: daysFromNow(1),
        availableTo: daysFromNow(30),
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ title: "Проектор для встреч и вебинаров", status: "draft" });

    // The error shape is part of the contract too: a stale version is a 409 `stale`.
    const stale = await api.POST("/api/resources/{id}/publish", {
      params: { path: { id: created.data?.id ?? "" } },
      body: { version: (created.data?.version ?? 0) + 5 },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.error?.error.code).toBe("stale");
  });
});
