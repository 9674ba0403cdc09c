import { describe, expect, it } from "vitest";
import { Client } from "./client";
import { approvedMember } from "./fixtures";

describe("npm run migrate -- search", () => {
  it("indexes what was written before the search, reports progress, and is safe to run twice", async () => {
    const { db } = await import("@cluster/core/db/service");
    const { terms } = await import("@cluster/core/search/terms");
    const { migrations } = await import("../../packages/local/src/migrations");
    // A made-up word so only this test's organisation matches, whatever else the run wrote.
    const marker = `Старосельск${Date.now().toString(36).replace(/\d/g, "")}`;
    const name = `Общество краеведов ${marker}`;
    const owner = await approvedMember({ name, shortName: undefined });
    // As if it had joined before the search existed: no index rows.
    const { searchTerm } = db().entities;
    for (const term of terms(name)) {
      const { data } = await searchTerm.query.byTerm({ area: "organisations", term }).go({ pages: "all" });
      const own = data.filter((row) => row.id === owner.organisationId);
      if (own.length) await searchTerm.delete(own).go();
    }
    const guest = new Client();
    const found = async () =>
      (
        await guest.get(`/api/search?q=${encodeURIComponent(`краеведы ${marker}`)}`)
      ).json.organisations.items.map((item: { id: string }) => item.id);
    expect(await found()).toEqual([]);

    const runs = [];
    for (let run = 0; run < 2; run++) {
      const heard: string[] = [];
      const counts = await migrations.search!((step, done, finished) => {
        if (finished) heard.push(`${step}: ${done}`);
      });
      runs.push({ counts, heard });
      expect(await found()).toEqual([owner.organisationId]);
    }
    const [first, second] = runs;
    expect(Object.keys(first!.counts)).toEqual(["организации", "объявления", "ответы", "мероприятия"]);
    expect(first!.counts.организации).toBeGreaterThan(0);
    expect(first!.heard).toEqual(Object.entries(first!.counts).map(([step, done]) => `${step}: ${done}`));
    // The second run finds the same items, whatever other tests wrote meanwhile, at least as many.
    for (const step of Object.keys(first!.counts)) {
      expect(second!.counts[step]).toBeGreaterThanOrEqual(first!.counts[step]!);
    }
  });
});
