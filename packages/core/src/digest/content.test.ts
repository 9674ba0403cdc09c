import { describe, expect, it } from "vitest";
import { type Catalogue, isEmpty, select } from "./content";
import type { Subscriber } from "./subscriptions";

const listing = (id: string, overrides: Partial<Catalogue["listings"][number]> = {}) => ({
  id,
  kind: "offer" as const,
  category: "premises",
  title: `Объявление ${id}`,
  place: "kaluga",
  ownerName: "АНО «Добро»",
  organisationId: "org-other",
  at: "2026-11-25T10:00:00.000Z",
  availableFrom: "2026-11-25",
  ...overrides,
});

const request = {
  facet: "k=request|c=*|p=*",
  publishedAt: "2026-11-01T10:00:00.000Z",
  listingId: "R1",
  kind: "request" as const,
  category: "premises" as const,
  title: "Ищем зал",
  searchText: "ищем зал",
  place: "kaluga",
  conditions: "free" as const,
  ownerName: "Фонд «Наш»",
  organisationId: "org-mine",
  availableFrom: "2026-11-01",
};

const catalogue: Catalogue = {
  listings: [
    listing("OLD", { at: "2026-11-10T10:00:00.000Z" }),
    listing("HALL"),
    listing("CAR", { category: "transport" }),
    listing("OBNINSK", { place: "obninsk" }),
    listing("ONLINE", { place: "online", category: "services" }),
    listing("MINE", { organisationId: "org-mine" }),
  ],
  requests: [request],
  answers: [
    { id: "Q1", topic: "legal", title: "Договор", excerpt: "…", at: "2026-11-24T10:00:00.000Z" },
    { id: "Q2", topic: "grants", title: "Грант", excerpt: "…", at: "2026-11-24T11:00:00.000Z" },
  ],
  members: [
    { id: "M1", name: "Новый фонд", kind: "ngo", municipality: "obninsk", at: "2026-11-23T10:00:00.000Z" },
  ],
  closing: [{ ...listing("SOON"), closesOn: "2026-11-30" }],
  events: [
    // Announced before the subscriber's last digest, but starting within two days: the last call.
    {
      id: "E-GRANTS",
      kind: "webinar",
      format: "online",
      title: "Гранты",
      startsAt: "2026-11-27T15:00:00.000Z",
      topic: "grants",
      at: "2026-11-01T10:00:00.000Z",
    },
    {
      id: "E-OBNINSK",
      kind: "meeting",
      format: "in_person",
      title: "Встреча",
      startsAt: "2026-11-28T15:00:00.000Z",
      municipality: "obninsk",
      at: "2026-11-21T10:00:00.000Z",
    },
    {
      id: "E-LEGAL",
      kind: "meeting",
      format: "hybrid",
      title: "Право",
      startsAt: "2026-11-29T15:00:00.000Z",
      municipality: "kaluga",
      topic: "legal",
      at: "2026-11-22T10:00:00.000Z",
    },
    // Announced long ago and not soon: the subscriber was told of it already.
    {
      id: "E-OLD",
      kind: "meeting",
      format: "online",
      title: "Давно",
      startsAt: "2026-12-05T15:00:00.000Z",
      at: "2026-11-01T10:00:00.000Z",
    },
  ],
  eventsSoonUntil: "2026-11-28T00:00:00.000Z",
};

const subscriber = (overrides: Partial<Subscriber> = {}) =>
  ({
    id: "S1",
    email: "a@b.example",
    status: "active",
    frequency: "weekly",
    weekday: 1,
    hour: 9,
    topics: ["members", "resources", "consultations", "events", "news"],
    categories: [],
    consultationTopics: [],
    municipalities: [],
    coveredUntil: "2026-11-20T00:00:00.000Z",
    ...overrides,
  }) as Subscriber;

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe("a subscriber's digest", () => {
  it("lists the events announced since their last digest or starting within two days, of their topics and municipalities", () => {
    expect(ids(select(catalogue, subscriber(), new Set()).events)).toEqual([
      "E-GRANTS",
      "E-LEGAL",
      "E-OBNINSK",
    ]);
    const narrowed = select(
      catalogue,
      subscriber({ consultationTopics: ["grants"], municipalities: ["kaluga"] }),
      new Set(),
    );
    // Grants online reaches Kaluga; the Obninsk meeting (no topic) is elsewhere; the legal one is off-topic.
    expect(ids(narrowed.events)).toEqual(["E-GRANTS"]);
    expect(select(catalogue, subscriber({ topics: ["resources"] }), new Set()).events).toEqual([]);
  });

  it("holds only what is newer than their last digest, leaving out their own organisation's listings", () => {
    const digest = select(catalogue, subscriber(), new Set(["org-mine"]));
    expect(ids([...digest.matched, ...digest.listings])).not.toContain("OLD");
    expect(ids([...digest.matched, ...digest.listings])).not.toContain("MINE");
  });

  it("puts offers that fit their organisation's open requests first, and not again below", () => {
    const digest = select(catalogue, subscriber(), new Set(["org-mine"]));
    expect(ids(digest.matched)).toEqual(["HALL"]);
    expect(ids(digest.listings)).not.toContain("HALL");
    expect(select(catalogue, subscriber(), new Set()).matched).toEqual([]);
  });

  it("follows categories, consultation topics and municipalities; region-wide and online always count", () => {
    const digest = select(
      catalogue,
      subscriber({
        categories: ["premises", "services"],
        consultationTopics: ["grants"],
        municipalities: ["kaluga"],
      }),
      new Set(),
    );
    expect(ids(digest.listings)).toEqual(["HALL", "MINE", "ONLINE"]);
    expect(ids(digest.answers)).toEqual(["Q2"]);
    expect(digest.members).toEqual([]);
  });

  it("sends only the chosen topics, and an empty digest is recognised as such", () => {
    const onlyMembers = select(catalogue, subscriber({ topics: ["members"] }), new Set());
    expect(ids(onlyMembers.members)).toEqual(["M1"]);
    expect(onlyMembers.listings).toEqual([]);
    expect(onlyMembers.closing).toEqual([]);
    const nothingNew = select(
      catalogue,
      subscriber({ topics: ["members"], coveredUntil: "2026-11-26T00:00:00.000Z" }),
      new Set(),
    );
    expect(isEmpty(nothingNew)).toBe(true);
  });
});
