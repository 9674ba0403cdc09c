import * as Account from "@cluster/core/account/index";
import { attachLocal } from "./attach";

/** `npm run coordinator -- email`: gives an existing account the coordinator role. */
const email = process.argv[2]?.trim().toLowerCase();
if (!email?.includes("@")) {
  console.error("Укажите адрес: npm run coordinator -- person@example.org");
  process.exit(2);
}

const local = await attachLocal();
const done = await Account.makeCoordinator(email);
await local.stop();
if (!done) {
  console.error(`Нет учётной записи ${email}: пусть человек сначала войдёт на портал, затем повторите.`);
  process.exit(1);
}
console.log(`${email} теперь координатор.`);
