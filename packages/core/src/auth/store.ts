import { AccountEmailEntity, AccountEntity } from "../account/entity";
import { store } from "../db/store";
import { OutboxEntity } from "../mail/entity";
import { LoginCodeEntity, RateLimitEntity, SessionEntity, SignupEntity } from "./entity";

export const db = store({
  session: SessionEntity,
  signup: SignupEntity,
  loginCode: LoginCodeEntity,
  rateLimit: RateLimitEntity,
  account: AccountEntity,
  accountEmail: AccountEmailEntity,
  outbox: OutboxEntity,
});
