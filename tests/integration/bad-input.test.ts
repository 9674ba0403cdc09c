import { describe, expect, it } from "vitest";
import { Client, signedIn } from "./client";
import { application } from "./fixtures";

/** Every refusal: 4xx, the one error shape, Russian field messages, and nothing written. */
async function applicationsOf(client: Client) {
  return (await client.get("/api/auth/session")).json.memberships as unknown[];
}

describe("bad input to the join form", () => {
  it("refuses INN and OGRN with wrong check digits, per field", async () => {
    const client = await signedIn();
    const good = application();
    const badInn = good.inn.slice(0, 9) + String((Number(good.inn[9]) + 1) % 10);
    const badOgrn = good.ogrn.slice(0, 12) + String((Number(good.ogrn[12]) + 1) % 10);
    const answer = await client.post("/api/members", { ...good, inn: badInn, ogrn: badOgrn });
    expect(answer.status).toBe(422);
    expect(answer.json.error.code).toBe("invalid");
    expect(answer.json.error.fields.inn).toMatch(/контрольн/);
    expect(answer.json.error.fields.ogrn).toMatch(/контрольн/);
    expect(await applicationsOf(client)).toEqual([]);
  });

  it("names every missing field at once", async () => {
    const client = await signedIn();
    const answer = await client.post("/api/members", { kind: "ngo" });
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.json.error.fields).sort()).toEqual(
      ["description", "inn", "municipality", "name", "ogrn", "spheres"].sort(),
    );
    for (const message of Object.values(answer.json.error.fields)) expect(message).toMatch(/[А-Яа-яЁё]/);
    expect(await applicationsOf(client)).toEqual([]);
  });

  it("refuses unknown fields, including ones that would escalate", async () => {
    const client = await signedIn();
    const answer = await client.post("/api/members", { ...application(), status: "approved", hacker: 1 });
    expect(answer.status).toBe(422);
    expect(answer.json.error.fields).toEqual({ status: "Неизвестное поле", hacker: "Неизвестное поле" });
    expect(await applicationsOf(client)).toEqual([]);
  });

  it("refuses an oversized body with 413", async () => {
    const client = await signedIn();
    const answer = await client.post("/api/members", { ...application(), description: "я".repeat(70_000) });
    expect(answer.status).toBe(413);
    expect(answer.json.error.code).toBe("too_large");
    expect(await applicationsOf(client)).toEqual([]);
  });

  it("refuses a too long description within the size limit, per field", async () => {
    const client = await signedIn();
    const answer = await client.post("/api/members", { ...application(), description: "а".repeat(3001) });
    expect(answer.status).toBe(422);
    expect(answer.json.error.fields.description).toBe("Не длиннее 3000 символов");
  });

  it("refuses broken JSON and non-JSON bodies", async () => {
    const client = await signedIn();
    const broken = await client.request("POST", "/api/members", "{not json", {
      "content-type": "application/json",
    });
    expect(broken.status).toBe(400);
    expect(broken.json.error.code).toBe("bad_json");
    const form = await client.request("POST", "/api/members", "name=x", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(await applicationsOf(client)).toEqual([]);
  });

  it("asks a guest to sign in before anything else", async () => {
    const answer = await new Client().post("/api/members", { kind: "ngo" });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe("unauthorized");
  });

  it("refuses bad directory filters instead of ignoring them", async () => {
    const answer = await new Client().get("/api/members?municipality=moscow&limit=1000");
    expect(answer.status).toBe(422);
    expect(Object.keys(answer.json.error.fields).sort()).toEqual(["limit", "municipality"]);
    // Messages the schemas do not spell out come from zod's Russian locale, not in English.
    expect(answer.json.error.fields.limit).toMatch(/[А-Яа-яЁё]/);
  });

  it("answers an unknown API path with the error shape", async () => {
    const answer = await new Client().get("/api/nothing-here");
    expect(answer.status).toBe(404);
    expect(answer.json.error.code).toBe("not_found");
  });

  it("refuses a wrong login code format and bad emails per field", async () => {
    const client = new Client();
    const answer = await client.post("/api/auth/verify", { email: "not-an-email", code: "12ab" });
    expect(answer.status).toBe(422);
    expect(answer.json.error.fields).toEqual({
      email: "Неверный адрес электронной почты",
      code: "Код состоит из 6 цифр",
    });
  });
});
