import { describe, expect, it } from "vitest";
import { stemsOf } from "./stems";

describe("knowledge-base stems", () => {
  it("fold case and ё and meet word forms at five letters", () => {
    expect(stemsOf("Субсидию")).toEqual(stemsOf("субсидии"));
    expect(stemsOf("Ёлочные игрушки")).toEqual(["елочн", "игруш"]);
  });

  it("skip short words and keep the longest stems first, at most the given number", () => {
    expect(stemsOf("как и на оформить договор")).toEqual(["догов", "оформ", "как"]);
    expect(stemsOf("один два три четыре пять шесть", 3)).toHaveLength(3);
  });
});
