import { describe, expect, it } from "vitest";
import { Client, signedIn } from "./client";
import { listing, approvedMember as member } from "./fixtures";

describe("Resource Bank listings", () => {
  it("are drafts until published, then appear in every matching catalogue filter, newest first", async () => {
    const owner = await member();
    const title = `Ёлочные игрушки для праздника ${Date.now().toString(36)}`;
    const created = await owner.post(
      "/api/resources",
      listing({
        organisationId: owner.organisationId,
        category: "materials",
        place: "obninsk",
        title,
        quantity: 30,
      }),
    );
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "draft", version: 1, conditions: "free" });
    const guest = new Client();
    expect((await guest.get(`/api/resources/${created.json.id}`)).status).toBe(404);

    const published = await owner.post(`/api/resources/${created.json.id}/publish`, { version: 1 });
    expect(published.json).toMatchObject({ status: "published", version: 2 });
    for (const filter of [
      "",
      "kind=offer",
      "category=materials",
      "place=obninsk",
      "kind=offer&category=materials&place=obninsk",
    ]) {
      const { json } = await guest.get(`/api/resources?${filter}&q=${encodeURIComponent("елочные")}`);
      expect(
        json.items.map((item: { id: string }) => item.id),
        filter,
      ).toEqual([created.json.id]);
    }
    for (const filter of ["kind=request", "category=premises", "place=kaluga"]) {
      const { json } = await guest.get(`/api/resources?${filter}&q=${encodeURIComponent("елочные")}`);
      expect(json.items, filter).toEqual([]);
    }

    const second = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId, category: "materials", place: "obninsk" }),
    );
    await owner.post(`/api/resources/${second.json.id}/publish`, { version: 1 });
    const { json: newest } = await guest.get("/api/resources?category=materials&place=obninsk&limit=2");
    expect(newest.items.map((item: { id: string }) => item.id)).toEqual([second.json.id, created.json.id]);
  });

  it("are found by their words in other forms and order, and no longer once withdrawn", async () => {
    const owner = await member();
    const marker = `Пылесосы${Date.now().toString(36).replace(/\d/g, "")}`;
    const { json: draft } = await owner.post(
      "/api/resources",
      listing({
        organisationId: owner.organisationId,
        category: "equipment",
        title: `${marker} моющие для уборки зала`,
        description: "Отдадим два моющих пылесоса после ремонта офиса",
      }),
    );
    const guest = new Client();
    const found = async (q: string, filter = "") =>
      (await guest.get(`/api/resources?${filter}&q=${encodeURIComponent(q)}`)).json.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await found(marker)).toEqual([]);
    await owner.post(`/api/resources/${draft.id}/publish`, { version: 1 });
    expect(await found(`уборкой ${marker.toLowerCase()}`)).toEqual([draft.id]);
    expect(await found(`ремонту ${marker}`, "category=equipment&kind=offer")).toEqual([draft.id]);
    expect(await found(`ремонту ${marker}`, "category=premises")).toEqual([]);
    await owner.post(`/api/resources/${draft.id}/withdraw`, { version: 2 });
    expect(await found(`уборкой ${marker}`)).toEqual([]);
  });

  it("move between catalogue partitions when edited, and leave it when withdrawn", async () => {
    const owner = await member();
    const { json: draft } = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId }),
    );
    await owner.post(`/api/resources/${draft.id}/publish`, { version: 1 });
    const { kind, ...fields } = listing({ place: "kozelsky" });
    void kind;
    const moved = await owner.patch(`/api/resources/${draft.id}`, { ...fields, version: 2 });
    expect(moved.json.place).toBe("kozelsky");
    const guest = new Client();
    const ids = async (filter: string) =>
      (await guest.get(`/api/resources?${filter}&limit=100`)).json.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await ids("place=kozelsky")).toContain(draft.id);
    expect(await ids("place=kaluga")).not.toContain(draft.id);

    const stale = await owner.post(`/api/resources/${draft.id}/withdraw`, { version: 2 });
    expect(stale.status).toBe(409);
    expect((await owner.post(`/api/resources/${draft.id}/withdraw`, { version: 3 })).json.status).toBe(
      "withdrawn",
    );
    expect(await ids("place=kozelsky")).not.toContain(draft.id);
    expect(await ids("")).not.toContain(draft.id);
  });

  it("let a private person offer but not request", async () => {
    const person = await signedIn();
    expect((await person.post("/api/resources", listing())).status).toBe(201);
    const request = await person.post("/api/resources", listing({ kind: "request" }));
    expect(request.status).toBe(422);
    expect(request.json.error.fields.organisationId).toMatch(/организации/);
    const mine = await person.get("/api/resources/mine");
    expect(mine.json.items).toHaveLength(1);
  });

  it("refuse bad input and other people's listings, writing nothing", async () => {
    const owner = await member();
    const bad = await owner.post(
      "/api/resources",
      listing({
        organisationId: owner.organisationId,
        availableFrom: "2027-01-10",
        availableTo: "2027-01-01",
        quantity: -3,
        category: "spaceships",
      }),
    );
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toMatchObject({
      availableTo: "Дата окончания раньше даты начала",
      quantity: "Количество должно быть больше нуля",
      category: "Выберите категорию ресурса",
    });
    expect((await owner.get("/api/resources/mine")).json.items).toEqual([]);

    const { json: own } = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId }),
    );
    const stranger = await member();
    const { kind, ...fields } = listing({ title: "Чужая правка объявления" });
    void kind;
    expect((await stranger.patch(`/api/resources/${own.id}`, { ...fields, version: 1 })).status).toBe(403);
    expect((await stranger.post(`/api/resources/${own.id}/publish`, { version: 1 })).status).toBe(403);
    const onBehalf = await stranger.post("/api/resources", listing({ organisationId: owner.organisationId }));
    expect(onBehalf.status).toBe(403);
    expect((await owner.get(`/api/resources/${own.id}`)).json.listing).toMatchObject({
      title: "Зал на 40 человек для встреч",
      status: "draft",
    });
  });
});
