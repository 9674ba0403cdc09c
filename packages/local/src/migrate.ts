import { attachLocal } from "./attach";
import { migrations } from "./migrations";

const name = process.argv[2] ?? "";
const migration = migrations[name];
if (!migration) {
  console.error(`Укажите миграцию: npm run migrate -- ${Object.keys(migrations).join(" | ")}`);
  process.exit(2);
}
const local = await attachLocal();
try {
  await migration((step, done, finished) =>
    process.stdout.write(finished ? `\r  ${step}: ${done} проиндексировано\n` : `\r  ${step}: ${done}`),
  );
} finally {
  await local.stop();
}
