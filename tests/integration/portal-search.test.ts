import { describe, expect, it } from "vitest";
import { Client } from "./client";
import { listing, approvedMember as member } from "./fixtures";

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("GET /api/search, the header's search", () => {
  it("groups organisations and listings that contain every word, and never a draft", async () => {
    // A made-up word so only this test's items match, whatever else the run wrote.
    const marker = `Зарянск${Date.now().toString(36).replace(/\d/g, "")}`;
    const owner = await member({ name: `Фонд «${marker}» помощи библиотекам` });
    const { json: offer } = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId, title: `Книжные полки ${marker} для библиотеки` }),
    );
    await owner.post(`/api/resources/${offer.id}/publish`, { version: 1 });
    const { json: draft } = await owner.post(
      "/api/resources",
      listing({ organisationId: owner.organisationId, title: `Черновик ${marker} библиотеки` }),
    );

    const guest = new Client();
    const { status, json } = await guest.get(`/api/search?q=${encodeURIComponent(`библиотеке ${marker}`)}`);
    expect(status).toBe(200);
    expect(ids(json.organisations.items)).toEqual([owner.organisationId]);
    expect(ids(json.listings.items)).toEqual([offer.id]);
    expect(ids(json.listings.items)).not.toContain(draft.id);
    expect(json.answers.items).toEqual([]);

    const { json: one } = await guest.get(`/api/search?q=${encodeURIComponent(`полками ${marker}`)}`);
    expect(ids(one.organisations.items)).toEqual([]);
    expect(ids(one.listings.items)).toEqual([offer.id]);
  });

  it("answers a query without words, or too long, with a Russian message on the field", async () => {
    const guest = new Client();
    for (const q of ["", "   ", "и в на", "?!…", "🙂🙂"]) {
      const { status, json } = await guest.get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(422);
      expect(json.error.fields.q, q).toMatch(/[а-я]/);
    }
    const long = await guest.get(`/api/search?q=${encodeURIComponent("библиотека ".repeat(100))}`);
    expect(long.status).toBe(422);
    expect(long.json.error.fields.q).toMatch(/[а-я]/);
    const latin = await guest.get(`/api/search?q=${encodeURIComponent("Kaluga NGO библиотека")}`);
    expect(latin.status).toBe(200);
  });
});
