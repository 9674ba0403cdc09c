import { writeAll } from "@cluster/core/db/transaction";
import {
  find,
  indexWrites,
  MAX_INDEXED_TERMS,
  NO_WORDS,
  type SearchDocument,
} from "@cluster/core/search/index";
import { db } from "@cluster/core/search/store";
import { cursor } from "@cluster/core/shared/fields";
import { ulid } from "@cluster/core/shared/ulid";
import { describe, expect, it } from "vitest";

/** The search module on its own, against DynamoDB Local: the areas' wiring is tested in their files. */

type View = { id: string; name: string };
/**
 * The module's own area for these made-up items would be "organisations", but the directory's
 * tests list exact results for the same words («Жуковский Вместе») in parallel: the answers area,
 * whose API tests only check what is or is not among the results, keeps them out of each other's way.
 */
const AREA = "answers";
const run = Date.now().toString(36);

const organisation = (
  name: string,
  text: string,
  filters: SearchDocument<View>["filters"] = {},
  at = new Date().toISOString(),
): SearchDocument<View> => {
  const id = ulid();
  return { id, title: `${name} ${run}`, text, at, filters, view: { id, name } };
};

async function index(before: SearchDocument<View> | undefined, after: SearchDocument<View> | undefined) {
  await writeAll(db, ({ searchTerm }) => indexWrites(searchTerm, AREA, before, after));
}

const names = async (q: string, filters?: Record<string, string | undefined>) =>
  (await find<View>(AREA, { q: `${q} ${run}`, filters, limit: 50 })).items.map((item) => item.name);

describe("the search module", () => {
  const polis = organisation("НП ЦРОНК «Обнинский полис»", "центр развития общественных инициатив", {
    kind: "ngo",
    municipality: "obninsk",
    sphere: ["civil-society", "education"],
  });
  const together = organisation("Жуковский центр добровольчества «Вместе»", "волонтёры Жуковского района", {
    kind: "ngo",
    municipality: "zhukovsky",
    sphere: ["volunteering"],
  });
  const theatre = organisation("Детский театр-студия «Светлячок»", "спектакли для детей и взрослых", {
    kind: "ngo",
    municipality: "kaluga",
    sphere: ["culture"],
  });

  it("finds every word in any order and form, the last one as it is typed", async () => {
    for (const document of [polis, together, theatre]) await index(undefined, document);
    expect(await names("полис обнинский")).toEqual([polis.view.name]);
    expect(await names("Жуковский Вместе")).toEqual([together.view.name]);
    expect(await names("театры")).toEqual([theatre.view.name]);
    expect(await names("ТЕАТР студии")).toEqual([theatre.view.name]);
    expect(await names("детей спектакль")).toEqual([theatre.view.name]);
    // The run's tag comes last in these queries; the typed prefix is tested alone:
    const typed = await find<View>(AREA, { q: `${run} теат`, limit: 50 });
    expect(typed.items.map((item) => item.name)).toEqual([theatre.view.name]);
  });

  it("combines the words with filters, lists included", async () => {
    expect(await names("центр", { municipality: "obninsk" })).toEqual([polis.view.name]);
    expect(await names("центр", { sphere: "volunteering" })).toEqual([together.view.name]);
    expect(await names("центр", { kind: "business" })).toEqual([]);
    expect((await names("центр")).sort()).toEqual([polis.view.name, together.view.name].sort());
  });

  it("ranks title matches before text matches, then newer first", async () => {
    const older = organisation("Фонд «Волонтёры Оки»", "помогаем", {}, "2026-01-01T00:00:00.000Z");
    const newer = organisation("Клуб «Ока»", "наши волонтёры", {}, "2026-06-01T00:00:00.000Z");
    const newest = organisation("Союз «Волонтёры»", "помогаем", {}, "2026-09-01T00:00:00.000Z");
    for (const document of [older, newer, newest]) await index(undefined, document);
    // «Оки» and «Ока» are one word; the longest word decides the rank: in the title of one, the text of the other.
    expect(await names("волонтеры оки")).toEqual([older.view.name, newer.view.name]);
    const ranked = await names("волонтёрами");
    expect(ranked.filter((name) => [older, newer, newest].some((d) => d.view.name === name))).toEqual([
      newest.view.name,
      older.view.name,
      newer.view.name,
    ]);
  });

  it("looks a whole word up as its own term, in rank order, and only a word being typed by prefix", async () => {
    // A made-up word of this run: newer items hold longer words beginning with it, only in their text.
    const word = `квази${[...String(Date.now())].map((digit) => "абвгдежзик"[Number(digit)]).join("")}данс`;
    const titled = organisation(`Клуб «${word}»`, "встречи по субботам", {}, "2026-01-01T00:00:00.000Z");
    const others = [1, 2, 3].map((month) =>
      organisation(`Студия ${month}`, `${word}овый кружок`, {}, `2026-0${month + 1}-01T00:00:00.000Z`),
    );
    for (const document of [titled, ...others]) await index(undefined, document);
    const first = await find<View>(AREA, { q: word, limit: 1 });
    expect(first.items.map((item) => item.id)).toEqual([titled.id]);
    // The whole word's own partition holds only the title match: its next page is empty.
    const next = await find<View>(AREA, { q: word, limit: 1, cursor: first.cursor ?? "" });
    expect(next.items).toEqual([]);
    // Still being typed: no term of its own, so every term it begins is read, the title match first.
    const typed = await find<View>(AREA, { q: word.slice(0, -2), limit: 2 });
    expect(typed.items.map((item) => item.id)).toHaveLength(2);
    // The next page's link is one the list endpoints' query schema accepts.
    expect(cursor.safeParse(typed.cursor).success).toBe(true);
    const rest = await find<View>(AREA, {
      q: word.slice(0, -2),
      limit: 10,
      cursor: typed.cursor ?? "",
    });
    const all = [...typed.items, ...rest.items].map((item) => item.id);
    expect(new Set(all)).toEqual(new Set([titled.id, ...others.map((document) => document.id)]));
  });

  it("keeps the index in step with edits and removals", async () => {
    const renamed = {
      ...theatre,
      title: `Театр кукол «Петрушка» ${run}`,
      view: { ...theatre.view, name: "Петрушка" },
    };
    await index(theatre, renamed);
    expect(await names("светлячок")).toEqual([]);
    expect(await names("кукол")).toEqual(["Петрушка"]);
    await index(renamed, undefined);
    expect(await names("кукол")).toEqual([]);
    expect(await names("театры")).toEqual([]);
  });

  it("fits an item with a long text into one transaction", async () => {
    const words = Array.from({ length: 300 }, (_, i) => `слово${i}ка`).join(" ");
    const long = organisation("Длинный текст", words);
    await index(undefined, long);
    const edited = { ...long, title: `Другое название ${run}`, text: `${words} добавлено` };
    await index(long, edited);
    expect(MAX_INDEXED_TERMS * 2).toBeLessThanOrEqual(100);
    // Words past the indexed ones still narrow a query driven by an indexed one.
    const found = await find<View>(AREA, { q: "слово3ка слово29", limit: 20 });
    expect(found.items.map((item) => item.name)).toEqual(["Длинный текст"]);
    expect((await find<View>(AREA, { q: "длинный", limit: 20 })).items).toEqual([]);
    expect(await names("другое название")).toEqual(["Длинный текст"]);
  });

  it("answers a query without words with a message, not an error", async () => {
    for (const q of ["", "   ", "и в на для", "!!! ???", "🎭🎭"]) {
      await expect(find(AREA, { q, limit: 20 })).rejects.toMatchObject({
        fields: { q: NO_WORDS },
      });
    }
  });
});
