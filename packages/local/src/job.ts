import { join } from "node:path";
import { jobs } from "@cluster/functions/jobs/schedule";
import { attachLocal } from "./attach";
import { repoRoot } from "./embedded";

/** `npm run job -- digest`: runs one scheduled job now, against the local portal's data. */
const name = process.argv[2];
const job = jobs.find((candidate) => candidate.name === name);
if (!job) {
  console.error(`Укажите задание: npm run job -- ${jobs.map((candidate) => candidate.name).join(" | ")}`);
  process.exit(2);
}
const local = await attachLocal();
try {
  const { handler } = (await import(join(repoRoot, job.entry))) as { handler: () => Promise<unknown> };
  console.log(JSON.stringify(await handler(), null, 2));
} finally {
  await local.stop();
}
