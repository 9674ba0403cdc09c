import { describe, expect, it } from "vitest";
import { Client, mailTo } from "./client";
import { approvedMember, daysFromNow, listing } from "./fixtures";

type Member = Awaited<ReturnType<typeof approvedMember>>;

async function published(owner: Member, overrides: Record<string, unknown>) {
  const { json: draft } = await owner.post(
    "/api/resources",
    listing({ organisationId: owner.organisationId, ...overrides }),
  );
  const { json } = await owner.post(`/api/resources/${draft.id}/publish`, { version: 1 });
  return json as { id: string; version: number; title: string };
}

const matchMails = async (email: string, title: string) =>
  (await mailTo(email)).filter((mail) => mail.subject === `Нашлись подходящие объявления для «${title}»`);

describe("matching requests and offers", () => {
  it("tells both owners once per pair, shows fitting listings only, and the job repeats nothing", async () => {
    const tag = Date.now().toString(36);
    const school = await approvedMember({ municipality: "kozelsky" });
    const carrier = await approvedMember();
    const request = await published(school, {
      kind: "request",
      category: "transport",
      place: "kozelsky",
      title: `Нужен микроавтобус для поездки детей ${tag}`,
      description: "Микроавтобус на 15 мест: свозить воспитанников на экскурсию в Оптину пустынь.",
      quantity: 1,
      availableFrom: daysFromNow(3),
      availableTo: daysFromNow(30),
    });
    const farAway = await published(await approvedMember(), {
      category: "transport",
      place: "obninsk",
      title: `Микроавтобус в Обнинске ${tag}`,
      availableFrom: daysFromNow(3),
      availableTo: daysFromNow(30),
    });
    const tooEarly = await published(await approvedMember(), {
      category: "transport",
      place: "region",
      title: `Автобус только на этой неделе ${tag}`,
      availableFrom: daysFromNow(0),
      availableTo: daysFromNow(2),
    });
    const offer = await published(carrier, {
      category: "transport",
      place: "region",
      title: `Микроавтобус с водителем для поездок ${tag}`,
      description: "Микроавтобус на 18 мест с водителем по всей области, для детских и социальных поездок.",
      quantity: 2,
      availableFrom: daysFromNow(10),
      availableTo: daysFromNow(60),
    });

    const toCarrier = await matchMails(carrier.email, offer.title);
    expect(toCarrier).toHaveLength(1);
    expect(toCarrier[0]?.body.text).toContain(`/resources/${request.id}`);
    const toSchool = await matchMails(school.email, request.title);
    expect(toSchool).toHaveLength(1);
    expect(toSchool[0]?.body.text).toContain(`/resources/${offer.id}`);

    const { json: matches } = await new Client().get(`/api/resources/${request.id}/matches`);
    const ids = matches.items.map((match: { entry: { id: string } }) => match.entry.id);
    expect(ids).toContain(offer.id);
    expect(ids).not.toContain(farAway.id);
    expect(ids).not.toContain(tooEarly.id);
    expect(
      matches.items.find((match: { entry: { id: string } }) => match.entry.id === offer.id).similarity,
    ).toBeGreaterThan(0);
    const { json: back } = await new Client().get(`/api/resources/${offer.id}/matches`);
    expect(back.items.map((match: { entry: { id: string } }) => match.entry.id)).toContain(request.id);

    const { matchRecent } = await import("@cluster/core/resource/matching");
    await matchRecent();
    const { kind, ...fields } = listing({
      category: "transport",
      place: "region",
      title: offer.title,
      quantity: 3,
      availableFrom: daysFromNow(10),
      availableTo: daysFromNow(60),
    });
    expect(
      (await carrier.patch(`/api/resources/${offer.id}`, { ...fields, version: offer.version })).status,
    ).toBe(200);
    expect(await matchMails(carrier.email, offer.title)).toHaveLength(1);
    expect(await matchMails(school.email, request.title)).toHaveLength(1);
  });
});

describe("expiry", () => {
  it("closes open listings whose window ended, by the job, and leaves the others", async () => {
    const owner = await approvedMember();
    const ending = await published(owner, {
      title: `Скоро закончится ${Date.now().toString(36)}`,
      availableFrom: daysFromNow(0),
      availableTo: daysFromNow(1),
    });
    const lasting = await published(owner, { availableFrom: daysFromNow(0), availableTo: daysFromNow(5) });
    const untilWithdrawn = await published(owner, { availableFrom: daysFromNow(0), availableTo: undefined });
    const { expireDue } = await import("@cluster/core/resource/expiry");

    await expireDue(daysFromNow(1));
    expect((await new Client().get(`/api/resources/${ending.id}`)).status).toBe(200);

    await expireDue(daysFromNow(2));
    expect((await new Client().get(`/api/resources/${ending.id}`)).status).toBe(404);
    expect((await owner.get(`/api/resources/${ending.id}`)).json.listing.status).toBe("expired");
    expect((await new Client().get(`/api/resources/${lasting.id}`)).json.listing.status).toBe("published");
    expect((await new Client().get(`/api/resources/${untilWithdrawn.id}`)).json.listing.status).toBe(
      "published",
    );
    const { json: catalogue } = await new Client().get(
      `/api/resources?q=${encodeURIComponent(ending.title)}`,
    );
    expect(catalogue.items).toEqual([]);
    await expireDue(daysFromNow(2));
    expect((await owner.get(`/api/resources/${ending.id}`)).json.listing.version).toBe(3);
  });

  it("refuses to publish or create a listing whose window already ended", async () => {
    const owner = await approvedMember();
    const result = await owner.post(
      "/api/resources",
      listing({
        organisationId: owner.organisationId,
        availableFrom: daysFromNow(-10),
        availableTo: daysFromNow(-2),
      }),
    );
    expect(result.status).toBe(422);
    expect(result.json.error.fields).toEqual({ availableTo: "Эта дата уже прошла" });
  });
});
