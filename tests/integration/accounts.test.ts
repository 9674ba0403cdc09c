import { describe, expect, it } from "vitest";
import { asCoordinator, Client, signedIn } from "./client";
import { application, approvedMember } from "./fixtures";

describe("my account", () => {
  it("edits the profile with version checks", async () => {
    const client = await signedIn();
    const { json: session } = await client.get("/api/auth/session");
    const updated = await client.patch("/api/accounts/me", {
      name: "Мария Петрова",
      phone: "8 910 123-45-67",
      version: session.account.version,
    });
    expect(updated.json).toMatchObject({ name: "Мария Петрова", phone: "+79101234567" });
    const stale = await client.patch("/api/accounts/me", {
      name: "Другое имя",
      version: session.account.version,
    });
    expect(stale.status).toBe(409);
  });

  it("downloads everything about the person as JSON", async () => {
    const client = await signedIn();
    await client.post("/api/members", application());
    const response = await fetch(`${(await import("./client")).portalUrl()}/api/accounts/me/export`, {
      headers: { cookie: client.cookie },
    });
    expect(response.headers.get("content-disposition")).toMatch(/attachment/);
    const data = (await response.json()) as {
      account: { email: string; consent: { version: string } };
      memberships: unknown[];
      sessions: unknown[];
    };
    expect(data.account.email).toBe(client.email);
    expect(data.account.consent.version).toBeTruthy();
    expect(data.memberships).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThan(0);
  });

  it("deletes the account and its personal data at once", async () => {
    const client = await signedIn();
    const cookie = client.cookie;
    const { json: organisation } = await client.post("/api/members", application());
    expect((await client.delete("/api/accounts/me")).status).toBe(204);
    const ghost = new Client();
    ghost.cookie = cookie;
    expect((await ghost.get("/api/auth/session")).json.account).toBeNull();
    const { db } = await import("@cluster/core/db/service");
    expect((await db().entities.accountEmail.get({ email: client.email }).go()).data).toBeNull();
    const { data: links } = await db()
      .entities.membership.query.byOrganisation({ organisationId: organisation.id })
      .go();
    expect(links).toEqual([]);
  });

  it("takes a private person's own profile out of the directory and the search at once; organisations stay", async () => {
    // A made-up word so only this test's profiles match, whatever else the run wrote.
    const marker = `Озерск${Date.now().toString(36).replace(/\d/g, "")}`;
    const person = await approvedMember({
      kind: "expert",
      name: `Семёнова Анна, психолог ${marker}`,
      shortName: undefined,
      inn: undefined,
      ogrn: undefined,
    });
    const { json: ngo } = await person.post("/api/members", application({ name: `АНО «${marker} вместе»` }));
    await (await asCoordinator()).post(`/api/members/${ngo.id}/approve`, { version: 1 });
    const guest = new Client();
    const found = async () =>
      (await guest.get(`/api/search?q=${encodeURIComponent(marker)}`)).json.organisations.items.map(
        (item: { id: string }) => item.id,
      );
    expect((await found()).sort()).toEqual([person.organisationId, ngo.id].sort());

    expect((await person.delete("/api/accounts/me")).status).toBe(204);
    expect(await found()).toEqual([ngo.id]);
    const directory = await guest.get(`/api/members?q=${encodeURIComponent(`психолог ${marker}`)}`);
    expect(directory.json.items).toEqual([]);
    expect((await guest.get(`/api/members/${person.organisationId}`)).status).toBe(404);
    expect((await guest.get(`/api/members/${ngo.id}`)).status).toBe(200);
  });

  it("keeps a private person's profile that someone else also represents", async () => {
    const marker = `Лесногорск${Date.now().toString(36).replace(/\d/g, "")}`;
    const first = await approvedMember({
      kind: "expert",
      name: `Иванов Пётр ${marker}`,
      inn: undefined,
      ogrn: undefined,
    });
    const second = await signedIn();
    const { db } = await import("@cluster/core/db/service");
    const { json: session } = await second.get("/api/auth/session");
    await db()
      .entities.membership.create({ organisationId: first.organisationId, accountId: session.account.id })
      .go();
    expect((await first.delete("/api/accounts/me")).status).toBe(204);
    expect((await new Client().get(`/api/members/${first.organisationId}`)).status).toBe(200);
  });
});

describe("coordinators manage people", () => {
  it("grants roles, and only coordinators may", async () => {
    const person = await signedIn();
    const { json: me } = await person.get("/api/auth/session");
    const boss = await asCoordinator();
    const list = await boss.get("/api/accounts");
    expect(list.json.items.map((a: { id: string }) => a.id)).toContain(me.account.id);
    const granted = await boss.put(`/api/accounts/${me.account.id}/roles`, {
      roles: ["expert", "official"],
      version: me.account.version,
    });
    expect(granted.json.roles.sort()).toEqual(["expert", "official"]);
    expect((await person.get("/api/accounts")).status).toBe(403);
    const selfPromotion = await person.put(`/api/accounts/${me.account.id}/roles`, {
      roles: ["coordinator"],
      version: granted.json.version,
    });
    expect(selfPromotion.status).toBe(403);
  });

  it("blocking ends the person's sessions at once", async () => {
    const person = await signedIn();
    const { json: me } = await person.get("/api/auth/session");
    const boss = await asCoordinator();
    const blocked = await boss.put(`/api/accounts/${me.account.id}/blocked`, {
      blocked: true,
      version: me.account.version,
    });
    expect(blocked.json.status).toBe("blocked");
    expect((await person.get("/api/auth/session")).json.account).toBeNull();
    expect((await person.post("/api/members", application())).status).toBe(401);
  });
});
