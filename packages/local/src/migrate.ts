import * as Questions from "@cluster/core/consultation/questions";
import * as Member from "@cluster/core/member/index";
import * as Listings from "@cluster/core/resource/listings";
import { attachLocal } from "./attach";

/**
 * `npm run migrate -- search`: one-off data migrations, safe to run again. `search` indexes what
 * was written before the portal-wide search existed (ADR 018).
 */
const migrations: Record<string, () => Promise<void>> = {
  async search() {
    const organisations = await Member.reindexSearch((done) =>
      process.stdout.write(`\r  организации: ${done}`),
    );
    process.stdout.write(`\r  организации: ${organisations} проиндексировано\n`);
    const listings = await Listings.reindexSearch((done) => process.stdout.write(`\r  объявления: ${done}`));
    process.stdout.write(`\r  объявления: ${listings} проиндексировано\n`);
    const answers = await Questions.reindexSearch((done) => process.stdout.write(`\r  ответы: ${done}`));
    process.stdout.write(`\r  ответы: ${answers} проиндексировано\n`);
  },
};

const name = process.argv[2] ?? "";
const migration = migrations[name];
if (!migration) {
  console.error(`Укажите миграцию: npm run migrate -- ${Object.keys(migrations).join(" | ")}`);
  process.exit(2);
}
const local = await attachLocal();
try {
  await migration();
} finally {
  await local.stop();
}
