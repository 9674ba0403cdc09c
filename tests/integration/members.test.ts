import { describe, expect, it } from "vitest";
import { asCoordinator, Client, mailTo, signedIn } from "./client";
import { application, approvedMember } from "./fixtures";

describe("joining the cluster", () => {
  it("goes from application to approval to the public directory", async () => {
    const applicant = await signedIn();
    const input = application({ name: "Калужская общественная организация «Ёжик в тумане»" });
    const applied = await applicant.post("/api/members", input);
    expect(applied.status).toBe(201);
    const organisation = applied.json;
    expect(organisation).toMatchObject({ status: "pending", version: 1, website: "https://dobro.example" });
    expect(organisation.contacts.phone.value).toBe("+74842223344");
    expect((await mailTo(applicant.email)).map((m) => m.subject)).toContain(
      "Заявка на вступление в кластер получена",
    );

    const guest = new Client();
    expect((await guest.get(`/api/members/${organisation.id}`)).status).toBe(404);
    const hidden = await guest.get(`/api/members?q=${encodeURIComponent("ежик")}`);
    expect(hidden.json.items).toEqual([]);

    const boss = await asCoordinator();
    const queue = await boss.get("/api/members/applications?limit=100");
    expect(queue.json.items.map((item: { id: string }) => item.id)).toContain(organisation.id);
    expect((await applicant.get("/api/members/applications")).status).toBe(403);

    const approved = await boss.post(`/api/members/${organisation.id}/approve`, { version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe("approved");
    expect((await mailTo(applicant.email)).map((m) => m.subject)).toContain(
      "Заявка одобрена: добро пожаловать в кластер",
    );

    const found = await guest.get(`/api/members?q=${encodeURIComponent("ЕЖИК В")}&municipality=kaluga`);
    expect(found.json.items.map((item: { id: string }) => item.id)).toEqual([organisation.id]);
    const page = await guest.get(`/api/members/${organisation.id}`);
    expect(page.json.canEdit).toBe(false);
    expect(page.json.organisation.contacts.email.value).toBe("hello@dobro.example");
    expect(page.json.organisation.contacts.phone).toBeUndefined();

    const session = await applicant.get("/api/auth/session");
    expect(session.json.account.roles).toContain("member");
    expect(session.json.memberships).toEqual([
      expect.objectContaining({ organisationId: organisation.id, status: "approved" }),
    ]);
    const again = await boss.post(`/api/members/${organisation.id}/approve`, { version: 2 });
    expect(again.status).toBe(409);
  });

  it("rejects with a reason, emails it, and frees the INN", async () => {
    const applicant = await signedIn();
    const input = application();
    const { json: organisation } = await applicant.post("/api/members", input);
    const boss = await asCoordinator();
    const noReason = await boss.post(`/api/members/${organisation.id}/reject`, { version: 1 });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.fields.reason).toBeTruthy();
    const rejected = await boss.post(`/api/members/${organisation.id}/reject`, {
      reason: "Не указан ОГРН организации",
      version: 1,
    });
    expect(rejected.json).toMatchObject({
      status: "rejected",
      rejectionReason: "Не указан ОГРН организации",
    });
    const mail = (await mailTo(applicant.email)).find((m) => m.subject.includes("отклонена"));
    expect(mail?.body.text).toContain("Не указан ОГРН организации");
    expect((await applicant.post("/api/members", input)).status).toBe(201);
  });

  it("accepts one INN only once in the cluster, even when two apply at the same moment", async () => {
    const [a, b] = await Promise.all([signedIn(), signedIn()]);
    const input = application();
    const results = await Promise.all([a.post("/api/members", input), b.post("/api/members", input)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.json.error).toMatchObject({ code: "inn_taken", fields: { inn: expect.any(String) } });
    const third = await (await signedIn()).post("/api/members", input);
    expect(third.json.error.code).toBe("inn_taken");
  });

  it("lets representatives edit with optimistic locking: no lost update", async () => {
    const owner = await signedIn();
    const { json: created } = await owner.post("/api/members", application());
    const { json: page } = await owner.get(`/api/members/${created.id}`);
    expect(page.canEdit).toBe(true);
    const {
      id,
      status,
      createdAt,
      updatedAt,
      version,
      kind,
      inn,
      ogrn,
      rejectionReason,
      demo,
      approvedAt,
      ...profile
    } = page.organisation;
    void [id, status, createdAt, updatedAt, kind, inn, ogrn, rejectionReason, demo, approvedAt];
    const first = await owner.patch(`/api/members/${created.id}`, {
      ...profile,
      description: "Первая правка описания организации.",
      version,
    });
    const second = await owner.patch(`/api/members/${created.id}`, {
      ...profile,
      description: "Вторая правка поверх старой версии.",
      version,
    });
    expect(first.status).toBe(200);
    expect(first.json.version).toBe(version + 1);
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("stale");
    expect((await owner.get(`/api/members/${created.id}`)).json.organisation.description).toBe(
      "Первая правка описания организации.",
    );
    const stranger = await signedIn();
    const denied = await stranger.patch(`/api/members/${created.id}`, { ...profile, version: version + 1 });
    expect(denied.status).toBe(403);
  });

  it("invites a second representative by email", async () => {
    const owner = await signedIn();
    const { json: created } = await owner.post("/api/members", application());
    const colleague = await signedIn();
    expect(
      (await owner.post(`/api/members/${created.id}/invitations`, { email: colleague.email })).status,
    ).toBe(201);
    const mail = (await mailTo(colleague.email)).find((m) => m.subject.startsWith("Приглашение"));
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail?.body.text ?? "")?.[1];
    expect(token).toBeTruthy();

    const outsider = await signedIn();
    expect((await outsider.post("/api/members/invitations/accept", { token })).status).toBe(403);
    const accepted = await colleague.post("/api/members/invitations/accept", { token });
    expect(accepted.json).toEqual({ organisationId: created.id });
    expect((await colleague.post("/api/members/invitations/accept", { token })).status).toBe(404);
    const reps = await colleague.get(`/api/members/${created.id}/representatives`);
    expect(reps.json.items.map((r: { email: string }) => r.email).sort()).toEqual(
      [owner.email, colleague.email].sort(),
    );
  });
});

describe("the public directory", () => {
  it("shows new members, the most recent applications first, and nothing still pending", async () => {
    const boss = await asCoordinator();
    const apply = async (name: string) =>
      (await (await signedIn()).post("/api/members", application({ name }))).json;
    const earlier = await apply(`АНО «Первая заявка ${Date.now().toString(36)}»`);
    const later = await apply(`АНО «Вторая заявка ${Date.now().toString(36)}»`);
    const pending = await apply(`АНО «Ждёт решения ${Date.now().toString(36)}»`);
    // Approved in the other order: the list follows the applications, not the decisions.
    await boss.post(`/api/members/${later.id}/approve`, { version: 1 });
    await boss.post(`/api/members/${earlier.id}/approve`, { version: 1 });

    const { json } = await new Client().get("/api/members/newest?limit=100");
    const ids = json.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(earlier.id);
    expect(ids.indexOf(later.id)).toBeLessThan(ids.indexOf(earlier.id));
    expect(ids).not.toContain(pending.id);
  });

  it("lists the demo organisations by name with a cursor", async () => {
    const guest = new Client();
    const first = await guest.get("/api/members?limit=10");
    expect(first.json.items).toHaveLength(10);
    expect(first.json.cursor).toEqual(expect.any(String));
    const second = await guest.get(`/api/members?limit=10&cursor=${encodeURIComponent(first.json.cursor)}`);
    const names = [...first.json.items, ...second.json.items].map((item: { name: string }) => item.name);
    expect(new Set(names).size).toBe(20);
    const folded = names.map((name) => name.toLocaleLowerCase("ru").replaceAll("ё", "е"));
    expect(folded).toEqual([...folded].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by kind, sphere and municipality together", async () => {
    const guest = new Client();
    const { json } = await guest.get("/api/members?kind=ngo&sphere=environment&municipality=obninsk");
    expect(json.items.length).toBeGreaterThan(0);
    for (const item of json.items) {
      expect(item).toMatchObject({ kind: "ngo", municipality: "obninsk" });
      expect(item.spheres).toContain("environment");
    }
    const media = await guest.get("/api/members?kind=media&limit=100");
    expect(media.json.items.length).toBe(3);
  });

  it("finds Russian words in any order and any form, with the filters, and explains a query of no words", async () => {
    const polis = await approvedMember({
      name: "Некоммерческое партнёрство ЦРОНК «Обнинский полис»",
      municipality: "obninsk",
    });
    const guest = new Client();
    const found = async (q: string, filters = "") =>
      (await guest.get(`/api/members?q=${encodeURIComponent(q)}${filters}`)).json.items.map(
        (item: { name: string }) => item.name,
      );
    const { json: page } = await guest.get(`/api/members/${polis.organisationId}`);
    expect(await found("полис обнинский")).toEqual([page.organisation.name]);
    expect(await found("Обнинского полиса", "&municipality=obninsk")).toEqual([page.organisation.name]);
    expect(await found("полис", "&municipality=kaluga")).toEqual([]);
    expect(await found("Жуковский Вместе")).toEqual(["Жуковский центр добровольчества «Вместе»"]);
    expect(await found("театры")).toContain("Детский театр-студия «Светлячок»");
    expect(await found("театры", "&kind=business")).not.toContain("Детский театр-студия «Светлячок»");
    expect(await found("свет")).toContain("Детский театр-студия «Светлячок»");
    const none = await guest.get(`/api/members?q=${encodeURIComponent("и в на")}`);
    expect(none.status).toBe(422);
    expect(none.json.error.fields).toEqual({ q: "Уточните запрос: в нём нет слов для поиска" });
  });

  it("searches names case- and ё/е-insensitively", async () => {
    const guest = new Client();
    for (const q of ["ёлочка", "ЕЛОЧКА", "ЁлОчКа"]) {
      const { json } = await guest.get(`/api/members?q=${encodeURIComponent(q)}`);
      expect(json.items.map((item: { name: string }) => item.name)).toEqual([
        "Калужская региональная общественная организация «Ёлочка»",
      ]);
    }
  });
});
