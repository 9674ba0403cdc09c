import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { areas } from "../../functions/src/areas";

/** Synthesis in these tests skips bundling, so a handler path that points nowhere shows up here. */
describe("handler entries", () => {
  it.each([...areas.map((area) => area.entry), "functions/src/jobs/outbox.ts"])("%s exists", (entry) => {
    expect(existsSync(new URL(`../../${entry}`, import.meta.url))).toBe(true);
  });
});
