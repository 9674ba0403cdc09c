import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lambdaEntries } from "../bundling";

/** Synthesis in these tests skips bundling, so a handler path that points nowhere shows up here. */
describe("handler entries", () => {
  it.each(lambdaEntries.map(({ entry }) => entry))("%s exists", (entry) => {
    expect(existsSync(new URL(`../../${entry}`, import.meta.url))).toBe(true);
  });
});
