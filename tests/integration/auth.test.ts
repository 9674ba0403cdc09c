import * as Clock from "@cluster/core/shared/clock";
import { hashCode } from "@cluster/core/shared/secrets";
import { describe, expect, inject, it } from "vitest";
import { Client, lastCode, mailTo, signedIn, uniqueEmail } from "./client";

describe("login by emailed code", () => {
  it("signs a new person up after the code, with consent stored", async () => {
    const email = uniqueEmail("new");
    const client = new Client();
    const requested = await client.post("/api/auth/code", { email });
    expect(requested.status).toBe(202);
    const code = await lastCode(email);
    expect(code).toMatch(/^\d{6}$/);

    const verified = await client.post("/api/auth/verify", { email, code });
    expect(verified.status).toBe(200);
    expect(verified.json.next).toBe("sign-up");
    expect(client.cookie).toBe("");

    const noConsent = await client.post("/api/auth/signup", {
      signupToken: verified.json.signupToken,
      name: "Анна Иванова",
      consent: false,
      consentVersion: "2026-11-01",
    });
    expect(noConsent.status).toBe(422);
    expect(noConsent.json.error.fields.consent).toMatch(/согласи/);

    const signedUp = await client.post("/api/auth/signup", {
      signupToken: verified.json.signupToken,
      name: "Анна Иванова",
      consent: true,
      consentVersion: "2026-11-01",
    });
    expect(signedUp.status).toBe(201);
    const session = await client.get("/api/auth/session");
    expect(session.json.account).toMatchObject({
      email,
      name: "Анна Иванова",
      consent: { version: "2026-11-01" },
    });
    expect(Date.parse(session.json.account.consent.at)).toBeGreaterThan(Clock.nowMs() - 60_000);
  });

  it("gives the same answer for known and unknown emails", async () => {
    const known = await signedIn();
    const a = await new Client().post("/api/auth/code", { email: known.email });
    const b = await new Client().post("/api/auth/code", { email: uniqueEmail("unknown") });
    expect(a.status).toBe(b.status);
    expect(a.json).toEqual(b.json);
  });

  it("sets an HttpOnly SameSite=Lax session cookie of 256 random bits", async () => {
    const email = uniqueEmail();
    const client = new Client();
    await client.post("/api/auth/code", { email });
    const verified = await client.post("/api/auth/verify", { email, code: await lastCode(email) });
    const response = await fetch(`${inject("portalUrl")}/api/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: inject("portalUrl") },
      body: JSON.stringify({
        signupToken: verified.json.signupToken,
        name: "Кука Печенькина",
        consent: true,
        consentVersion: "2026-11-01",
      }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("is single use", async () => {
    const email = uniqueEmail();
    const client = await signedIn(email);
    await client.post("/api/auth/logout");
    // wait out nothing: a fresh code needs the 60 s gap, so reuse the code that signed us in
    const reused = await new Client().post("/api/auth/verify", { email, code: await lastCode(email) });
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("code_expired");
  });

  it("dies after five wrong tries, even for the right code", async () => {
    const email = uniqueEmail();
    const client = new Client();
    await client.post("/api/auth/code", { email });
    const code = await lastCode(email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await client.post("/api/auth/verify", { email, code: wrong }));
    expect(answers.slice(0, 4).map((a) => a.json.error.code)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "invalid",
    ]);
    expect(answers[0]?.json.error.fields.code).toMatch(/Осталось попыток: 4/);
    expect(answers[4]?.json.error.code).toBe("code_expired");
    const right = await client.post("/api/auth/verify", { email, code });
    expect(right.json.error.code).toBe("code_expired");
  });

  it("refuses a resend within 60 s and more than 5 codes an hour, with Retry-After", async () => {
    const email = uniqueEmail();
    const client = new Client();
    expect((await client.post("/api/auth/code", { email })).status).toBe(202);
    const again = await client.post("/api/auth/code", { email });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(again.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    for (let i = 0; i < 3; i++) await client.post("/api/auth/code", { email });
    const overHour = await client.post("/api/auth/code", { email });
    expect(overHour.status).toBe(429);
    expect(overHour.json.error.code).toBe("rate_limited");
    expect((await mailTo(email)).length).toBe(1);
  });

  it("stores only a keyed hash of the code", async () => {
    const { db } = await import("@cluster/core/db/service");
    const email = uniqueEmail();
    await new Client().post("/api/auth/code", { email });
    const code = await lastCode(email);
    const { data } = await db().entities.loginCode.get({ email }).go();
    expect(data?.codeHash).not.toContain(code);
    expect(data?.codeHash).toBe(hashCode(inject("authSecret"), email, code));
    expect(data!.expiresAt - data!.sentAt).toBe(10 * 60_000);
  });

  it("limits code requests per IP address", async () => {
    const { hit } = await import("@cluster/core/auth/rate-limit");
    const bucket = `code-ip#test-${uniqueEmail()}`;
    const limit = { bucket, max: 3, windowSeconds: 3600 };
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => hit(limit)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.status).toBe(429);
    expect(refused.reason.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("logout ends the session at once", async () => {
    const client = await signedIn();
    const cookie = client.cookie;
    expect((await client.get("/api/auth/session")).json.account).not.toBeNull();
    await client.post("/api/auth/logout");
    const stolen = new Client();
    stolen.cookie = cookie;
    expect((await stolen.get("/api/auth/session")).json.account).toBeNull();
  });

  it("refuses cookie-authenticated writes from another origin (CSRF)", async () => {
    const client = await signedIn();
    const forged = await client.request(
      "PATCH",
      "/api/accounts/me",
      { name: "Взломщик", version: 1 },
      {
        origin: "https://evil.example",
      },
    );
    expect(forged.status).toBe(403);
    expect(forged.json.error.code).toBe("csrf");
    expect((await client.get("/api/auth/session")).json.account.name).not.toBe("Взломщик");
  });
});
