import { describe, expect, it } from "vitest";
import { parseQuery, termOf, terms, words } from "./terms";

const same = (...forms: string[]) => new Set(forms.map(termOf)).size === 1;

describe("search terms", () => {
  it("fold the forms of a word together and keep different words apart", () => {
    expect(same("театр", "театры", "театра", "театром")).toBe(true);
    expect(same("субсидия", "субсидии", "субсидию")).toBe(true);
    expect(same("обнинский", "обнинского", "обнинском")).toBe(true);
    expect(termOf("право")).not.toBe(termOf("правление"));
    expect(termOf("правление")).not.toBe(termOf("правила"));
  });

  it("fold case and ё before stemming", () => {
    expect(terms("ЁЛОЧКА")).toEqual(terms("елочка"));
    expect(terms("Ёлочка")).toEqual(terms("ёлочки"));
  });

  it("drop stop-words and one-letter words, and split at punctuation and hyphens", () => {
    expect(words("Помощь для детей и родителей в Калуге")).toEqual([
      "помощь",
      "детей",
      "родителей",
      "калуге",
    ]);
    expect(terms("и в на для")).toEqual([]);
    expect(words("Детский театр-студия «Светлячок»")).toEqual(["детский", "театр", "студия", "светлячок"]);
    expect(words("…!!! ?? — ")).toEqual([]);
  });

  it("keep Latin words and numbers whole, and ignore emoji", () => {
    expect(terms("IT-волонтёры 54-ФЗ 🎭")).toEqual(["it", termOf("волонтеры"), "54", "фз"]);
  });

  it("give each term once, in order of first appearance", () => {
    expect(terms("театр Театры театра студия")).toEqual(["театр", termOf("студия")]);
  });

  it("read the last word of a query as a prefix being typed", () => {
    expect(parseQuery("полис обнинский")).toEqual({ exact: ["полис"], prefix: "обнинск" });
    expect(parseQuery("теат")).toEqual({ exact: [], prefix: "теат" });
    expect(parseQuery("театры театр")).toEqual({ exact: [], prefix: "театр" });
    expect(parseQuery("и на для")).toEqual({ exact: [] });
    expect(parseQuery("")).toEqual({ exact: [] });
  });

  it("bound a query of a thousand characters to words of at most 40 letters", () => {
    const parsed = parseQuery(`${"а".repeat(1000)} театры`);
    expect(parsed).toEqual({ exact: [], prefix: "театр" });
  });
});
