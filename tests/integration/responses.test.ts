import { describe, expect, it } from "vitest";
import { asCoordinator, Client, mailTo, signedIn } from "./client";
import { approvedMember, daysFromNow, listing } from "./fixtures";

type Member = Awaited<ReturnType<typeof approvedMember>>;

async function published(owner: Member, overrides: Record<string, unknown> = {}) {
  const { json: draft } = await owner.post(
    "/api/resources",
    listing({ organisationId: owner.organisationId, ...overrides }),
  );
  const { json } = await owner.post(`/api/resources/${draft.id}/publish`, { version: 1 });
  return json as { id: string; version: number; title: string };
}

const subjects = async (email: string) => (await mailTo(email)).map((mail) => mail.subject);

describe("responses, reservations and the ledger", () => {
  it("take a response from offer to handover: mail, contacts after acceptance, conversation, ledger", async () => {
    const giver = await approvedMember();
    const taker = await approvedMember({ municipality: "obninsk" });
    const offer = await published(giver, {
      category: "equipment",
      title: `Ноутбуки для занятий ${Date.now().toString(36)}`,
      quantity: 3,
      estimatedValue: 90_000,
    });

    const responded = await taker.post("/api/responses", {
      listingId: offer.id,
      organisationId: taker.organisationId,
      message: "Нужны два ноутбука для компьютерных курсов пенсионеров.",
      quantity: 2,
    });
    expect(responded.status).toBe(201);
    expect(responded.json).toMatchObject({ status: "pending", quantity: 2, role: "responder" });
    const id = responded.json.id;
    expect(await subjects(giver.email)).toContain(`Новый отклик на «${offer.title}»`);

    const before = await taker.get(`/api/responses/${id}`);
    expect(before.json.contacts).toBeUndefined();
    expect((await new Client().get(`/api/responses/${id}`)).status).toBe(401);
    expect((await (await signedIn()).get(`/api/responses/${id}`)).status).toBe(404);
    expect((await taker.post(`/api/responses/${id}/accept`, { version: 1 })).status).toBe(403);

    const { json: toOffer } = await giver.get(`/api/responses?listingId=${offer.id}`);
    expect(toOffer.items.map((item: { id: string }) => item.id)).toEqual([id]);

    const accepted = await giver.post(`/api/responses/${id}/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ status: "accepted", version: 2 });
    const { json: afterAccept } = await new Client().get(`/api/resources/${offer.id}`);
    expect(afterAccept.listing).toMatchObject({ status: "published", quantity: 3, remaining: 1 });
    expect(await subjects(taker.email)).toContain(`Ваш отклик принят: «${offer.title}»`);

    const { json: seen } = await taker.get(`/api/responses/${id}`);
    expect(seen.contacts.owner.email).toBe(giver.email);
    expect(seen.contacts.responder.email).toBe(taker.email);

    const written = await taker.post(`/api/responses/${id}/messages`, { text: "Когда удобно забрать?" });
    expect(written.status).toBe(201);
    await giver.post(`/api/responses/${id}/messages`, { text: "В четверг после 15:00." });
    const { json: thread } = await giver.get(`/api/responses/${id}`);
    expect(
      thread.messages.map((message: { text: string; mine: boolean }) => [message.text, message.mine]),
    ).toEqual([
      ["Когда удобно забрать?", false],
      ["В четверг после 15:00.", true],
    ]);
    expect(await subjects(giver.email)).toContain(`Новое сообщение по «${offer.title}»`);
    expect(await subjects(taker.email)).toContain(`Новое сообщение по «${offer.title}»`);

    expect((await taker.post(`/api/responses/${id}/fulfil`, { version: 2 })).status).toBe(403);
    const fulfilled = await giver.post(`/api/responses/${id}/fulfil`, { version: 2 });
    expect(fulfilled.json).toMatchObject({ status: "fulfilled", version: 3 });
    expect((await giver.post(`/api/responses/${id}/fulfil`, { version: 3 })).status).toBe(409);

    const { json: given } = await new Client().get(`/api/ledger?organisationId=${giver.organisationId}`);
    expect(given.given).toEqual({ count: 1, value: 60_000 });
    expect(given.received).toEqual({ count: 0, value: 0 });
    expect(given.byCategory).toEqual([
      { category: "equipment", given: { count: 1, value: 60_000 }, received: { count: 0, value: 0 } },
    ]);
    const { json: received } = await new Client().get(`/api/ledger?organisationId=${taker.organisationId}`);
    expect(received.received).toEqual({ count: 1, value: 60_000 });
    expect(received.recent[0]).toMatchObject({ title: offer.title, quantity: 2, giver: expect.any(String) });

    expect((await taker.get("/api/ledger/export")).status).toBe(403);
    const coordinator = await asCoordinator();
    const csv = await fetch(`${(await import("./client")).portalUrl()}/api/ledger/export`, {
      headers: { cookie: coordinator.cookie },
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("Дата;Категория;Что передано;Количество;Оценка, руб.;Кто передал;Кому");
    expect(text).toContain(`;Оборудование и техника;${offer.title};2;60000;`);
  });

  it("give the last unit to exactly one of 50 simultaneous acceptances; remaining never below 0", async () => {
    const owner = await approvedMember();
    const offer = await published(owner, { title: `Последний проектор ${Date.now().toString(36)}` });
    const takers: Member[] = [];
    for (let batch = 0; batch < 5; batch++) {
      takers.push(...(await Promise.all(Array.from({ length: 10 }, () => approvedMember()))));
    }
    const responses = await Promise.all(
      takers.map(async (taker) => {
        const { json } = await taker.post("/api/responses", {
          listingId: offer.id,
          organisationId: taker.organisationId,
          message: "Возьмём проектор для показа фильмов.",
          quantity: 1,
        });
        return json.id as string;
      }),
    );

    const results = await Promise.all(
      responses.map((id) => owner.post(`/api/responses/${id}/accept`, { version: 1 })),
    );
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    for (const refused of results.filter((result) => result.status === 409)) {
      expect(refused.json.error).toMatchObject({
        code: "not_enough",
        message: expect.stringContaining("забронировано"),
      });
    }

    const { json } = await owner.get(`/api/resources/${offer.id}`);
    expect(json.listing).toMatchObject({ remaining: 0, status: "reserved" });
    const { json: all } = await owner.get(`/api/responses?listingId=${offer.id}`);
    expect(all.items.filter((item: { status: string }) => item.status === "accepted")).toHaveLength(1);
    const { json: catalogue } = await new Client().get(`/api/resources?q=${encodeURIComponent(offer.title)}`);
    expect(catalogue.items).toEqual([]);
  }, 120_000);

  it("refuse bad responses with field messages and store nothing", async () => {
    const owner = await approvedMember();
    const offer = await published(owner, { quantity: 2 });
    const person = await signedIn();
    const other = await approvedMember();
    const attempts: [Client, Record<string, unknown>, number, Record<string, string> | string][] = [
      [
        person,
        { message: "Хочу взять зал на вечер." },
        422,
        { organisationId: "Получить ресурс может организация-участник: выберите организацию" },
      ],
      [
        other,
        { organisationId: other.organisationId, message: "Хочу взять зал.", quantity: 3 },
        422,
        { quantity: "Доступно не больше 2" },
      ],
      [other, { organisationId: other.organisationId, message: "Хочу", quantity: -1 }, 422, "message"],
      [
        other,
        {
          organisationId: other.organisationId,
          message: "Хочу взять зал.",
          wantedFrom: daysFromNow(10),
          wantedTo: daysFromNow(5),
        },
        422,
        { wantedTo: "Дата окончания раньше даты начала" },
      ],
      [other, { organisationId: owner.organisationId, message: "Хочу взять зал." }, 403, "forbidden"],
      [owner, { organisationId: owner.organisationId, message: "Сам себе отклик." }, 409, "own_listing"],
    ];
    for (const [client, body, status, expected] of attempts) {
      const result = await client.post("/api/responses", { listingId: offer.id, ...body });
      expect(result.status, JSON.stringify(body)).toBe(status);
      if (typeof expected === "string") {
        expect(JSON.stringify(result.json.error)).toContain(expected);
      } else {
        expect(result.json.error.fields).toMatchObject(expected);
      }
    }
    const { json: responses } = await owner.get(`/api/responses?listingId=${offer.id}`);
    expect(responses.items).toEqual([]);
    expect((await other.get("/api/responses/mine")).json.items).toEqual([]);
  });
});

describe("withdrawing a response", () => {
  it("gives a reserved quantity back to the listing and tells the owner; only the responder may", async () => {
    const owner = await approvedMember();
    const taker = await approvedMember();
    const offer = await published(owner, { title: `Последний стол ${Date.now().toString(36)}`, quantity: 1 });
    const { json: response } = await taker.post("/api/responses", {
      listingId: offer.id,
      organisationId: taker.organisationId,
      message: "Заберём стол в пятницу.",
    });
    await owner.post(`/api/responses/${response.id}/accept`, { version: 1 });
    expect((await owner.get(`/api/resources/${offer.id}`)).json.listing).toMatchObject({
      remaining: 0,
      status: "reserved",
    });

    expect((await owner.post(`/api/responses/${response.id}/cancel`, { version: 2 })).status).toBe(403);
    expect((await taker.post(`/api/responses/${response.id}/cancel`, { version: 1 })).status).toBe(409);
    const cancelled = await taker.post(`/api/responses/${response.id}/cancel`, { version: 2 });
    expect(cancelled.json).toMatchObject({ status: "cancelled", version: 3 });
    expect((await new Client().get(`/api/resources/${offer.id}`)).json.listing).toMatchObject({
      remaining: 1,
      status: "published",
    });
    expect(await subjects(owner.email)).toContain(`Отклик отозван: «${offer.title}»`);
    const { json: catalogue } = await new Client().get(`/api/resources?q=${encodeURIComponent(offer.title)}`);
    expect(catalogue.items.map((item: { id: string }) => item.id)).toEqual([offer.id]);
    expect((await taker.post(`/api/responses/${response.id}/messages`, { text: "Ещё вопрос" })).status).toBe(
      409,
    );
  });
});

describe("moderation", () => {
  it("lets a coordinator hide a listing with a reason; the owner is told and it leaves the catalogue", async () => {
    const owner = await approvedMember();
    const offer = await published(owner, { title: `Сомнительное объявление ${Date.now().toString(36)}` });
    expect(
      (await owner.post(`/api/resources/${offer.id}/hide`, { version: 2, reason: "Нарушает правила" }))
        .status,
    ).toBe(403);
    const coordinator = await asCoordinator();
    const tooShort = await coordinator.post(`/api/resources/${offer.id}/hide`, { version: 2, reason: "нет" });
    expect(tooShort.json.error.fields).toEqual({ reason: "Не короче 5 символов" });
    const hidden = await coordinator.post(`/api/resources/${offer.id}/hide`, {
      version: 2,
      reason: "Платная услуга, а Банк ресурсов — для безвозмездной помощи",
    });
    expect(hidden.json).toMatchObject({ status: "hidden", hiddenReason: expect.stringContaining("Платная") });
    expect((await new Client().get(`/api/resources/${offer.id}`)).status).toBe(404);
    const { json: catalogue } = await new Client().get(`/api/resources?q=${encodeURIComponent(offer.title)}`);
    expect(catalogue.items).toEqual([]);
    const mail = (await mailTo(owner.email)).find((message) =>
      message.subject.startsWith("Объявление скрыто"),
    );
    expect(mail?.body.text).toContain("Платная услуга");
    const { json: own } = await owner.get(`/api/resources/${offer.id}`);
    expect(own.listing.status).toBe("hidden");
  });
});
