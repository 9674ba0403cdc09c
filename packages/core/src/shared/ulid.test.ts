import { ulid as reference } from "ulid";
import { describe, expect, it } from "vitest";
import { ulid } from "./ulid";

describe("ulid", () => {
  it("is 26 Crockford base-32 characters whose time part matches the reference implementation", () => {
    const at = Date.UTC(2026, 10, 27, 12, 0, 0, 123);
    const id = ulid(at);
    expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(id.slice(0, 10)).toBe(reference(at).slice(0, 10));
  });

  it("takes a computed, fractional instant as its whole millisecond", () => {
    const at = Date.UTC(2026, 0, 1) + 330 / 23;
    expect(ulid(at)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ulid(at).slice(0, 10)).toBe(reference(Math.floor(at)).slice(0, 10));
  });

  it("sorts by time and does not repeat", () => {
    const ids = [ulid(1_000), ulid(2_000), ulid(3_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => ulid())).size).toBe(1000);
  });
});
