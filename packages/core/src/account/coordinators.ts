import { config } from "../config";
import { store } from "../db/store";
import { AccountEntity } from "./entity";

const db = store({ account: AccountEntity });

/**
 * Where coordinators' mail goes: COORDINATOR_EMAILS (they become coordinators at sign-up, and may
 * not have signed up yet) and every active account with the coordinator role, each address once.
 */
export async function coordinatorEmails() {
  const { data } = await db()
    .entities.account.query.all({})
    .where(
      ({ roles, status }, { contains, eq }) =>
        `${contains(roles, "coordinator")} AND ${eq(status, "active")}`,
    )
    .go({ pages: "all", attributes: ["email"] });
  return [...new Set([...config().coordinatorEmails, ...data.map((person) => person.email.toLowerCase())])];
}
