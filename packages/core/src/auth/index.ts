import type { Actor } from "../actor";
import { authSecret } from "../clients";
import { config } from "../config";
import { Canceled, writeAll } from "../db/transaction";
import { Forbidden, Invalid, RateLimited, VisibleError } from "../errors";
import { deliver, isConditionFailure, queued } from "../mail";
import * as Templates from "../mail/templates";
import type { Role } from "../reference";
import * as Clock from "../shared/clock";
import { hashCode, hashToken, newLoginCode, newToken, sameHash } from "../shared/secrets";
import { ulid } from "../shared/ulid";
import { hit } from "./rate-limit";
import type { RequestCode, SignUp, VerifyCode, VerifyResult } from "./schema";
import { db } from "./store";

export const CODE_TTL_MS = 10 * 60_000;
export const RESEND_GAP_MS = 60_000;
export const MAX_ATTEMPTS = 5;
export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const SIGNUP_TTL_MS = 30 * 60_000;

export const limits = {
  codesPerEmail: { max: 5, windowSeconds: 3600 },
  verifiesPerIp: { max: 300, windowSeconds: 600 },
};

const epoch = (ms: number) => Math.floor(ms / 1000);

class CodeExpired extends VisibleError {
  constructor() {
    super("code_expired", "Код больше не действует: запросите новый", 422, {
      code: "Код больше не действует: запросите новый",
    });
  }
}

/**
 * Sends a login code. Known and unknown emails get the same answer: an unknown one is
 * led to sign-up after the code, so the form reveals nothing about who has an account.
 */
export async function requestCode({ email }: RequestCode, ip: string) {
  await hit({ bucket: `code-ip#${ip}`, max: config().codesPerIpPerHour, windowSeconds: 3600 });
  await hit({ bucket: `code-email#${email}`, ...limits.codesPerEmail });

  const now = Clock.nowMs();
  const code = newLoginCode();
  const codeHash = hashCode(await authSecret(), email, code);
  const message = queued(Templates.loginCode(email, code));
  try {
    await writeAll(db, ({ loginCode, outbox }) => [
      loginCode
        .put({
          email,
          codeHash,
          sentAt: now,
          expiresAt: now + CODE_TTL_MS,
          attempts: 0,
          expiresAtEpoch: epoch(now + CODE_TTL_MS) + 3600,
        })
        .where(
          ({ sentAt }, { notExists, lte }) => `${notExists(sentAt)} OR ${lte(sentAt, now - RESEND_GAP_MS)}`,
        )
        .commit(),
      outbox.create(message).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled && error.failedAt(0)) {
      throw new RateLimited(RESEND_GAP_MS / 1000, "Новый код можно запросить через минуту");
    }
    throw error;
  }
  await deliver([message]);
  return { resendAfterSeconds: RESEND_GAP_MS / 1000 };
}

/**
 * Checks a code: each try is counted by a conditional write before the comparison, so a
 * sixth guess is refused even when guesses race; a match deletes the code (single use).
 */
export async function verifyCode(
  { email, code }: VerifyCode,
  ip: string,
  userAgent?: string,
): Promise<VerifyResult & { sessionToken?: string }> {
  await hit({ bucket: `verify-ip#${ip}`, ...limits.verifiesPerIp });
  const { loginCode } = db().entities;
  const now = Clock.nowMs();
  let stored: { codeHash: string; attempts: number } | null;
  try {
    const result = await loginCode
      .patch({ email })
      .add({ attempts: 1 })
      .where(
        ({ attempts, expiresAt }, { lt, gt }) => `${lt(attempts, MAX_ATTEMPTS)} AND ${gt(expiresAt, now)}`,
      )
      .go({ response: "all_new" });
    stored = result.data as { codeHash: string; attempts: number };
  } catch (error) {
    if (isConditionFailure(error)) throw new CodeExpired();
    throw error;
  }
  if (!sameHash(stored.codeHash, hashCode(await authSecret(), email, code))) {
    const left = MAX_ATTEMPTS - stored.attempts;
    if (left <= 0) throw new CodeExpired();
    throw new Invalid({ code: `Неверный код. Осталось попыток: ${left}` }, "Неверный код");
  }
  try {
    await loginCode
      .delete({ email })
      .where(({ codeHash }, { eq }) => eq(codeHash, stored.codeHash))
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw new CodeExpired();
    throw error;
  }

  const { data: known } = await db().entities.accountEmail.get({ email }).go({ consistent: true });
  if (known) {
    const account = await promoteConfiguredCoordinator(known.accountId, email);
    if (account.status === "blocked") throw new Forbidden("Учётная запись заблокирована");
    return { next: "signed-in", sessionToken: await createSession(known.accountId, userAgent) };
  }
  const signupToken = newToken();
  await db()
    .entities.signup.create({
      tokenHash: hashToken(signupToken),
      email,
      expiresAt: now + SIGNUP_TTL_MS,
      expiresAtEpoch: epoch(now + SIGNUP_TTL_MS) + 3600,
    })
    .go();
  return { next: "sign-up", signupToken };
}

/** Creates the account of a person whose email was just verified, with their consent. */
export async function signUp(input: SignUp, userAgent?: string) {
  const tokenHash = hashToken(input.signupToken);
  const { data: signup } = await db().entities.signup.get({ tokenHash }).go({ consistent: true });
  const now = Clock.nowMs();
  if (!signup || signup.expiresAt < now) {
    throw new VisibleError("signup_expired", "Время регистрации истекло: войдите ещё раз", 422);
  }
  const email = signup.email;
  const accountId = ulid();
  const roles: Role[] = config().coordinatorEmails.includes(email) ? ["coordinator"] : [];
  try {
    await writeAll(db, ({ signup: signups, account, accountEmail }) => [
      signups
        .delete({ tokenHash })
        .where(({ expiresAt }, { gt }) => gt(expiresAt, now))
        .commit(),
      accountEmail.create({ email, accountId }).commit(),
      account
        .create({
          id: accountId,
          email,
          name: input.name,
          roles: roles.length ? roles : undefined,
          consentVersion: input.consentVersion,
          consentAt: new Date(now).toISOString(),
        })
        .commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled && error.failedAt(0)) {
      throw new VisibleError("signup_expired", "Время регистрации истекло: войдите ещё раз", 422);
    }
    if (error instanceof Canceled && error.failedAt(1)) {
      throw new VisibleError("account_exists", "Учётная запись с этой почтой уже есть: войдите", 409);
    }
    throw error;
  }
  return { next: "signed-in" as const, sessionToken: await createSession(accountId, userAgent) };
}

/** COORDINATOR_EMAILS names the first coordinators; they get the role at their next login. */
async function promoteConfiguredCoordinator(accountId: string, email: string) {
  const { account } = db().entities;
  if (config().coordinatorEmails.includes(email)) {
    const { data } = await account
      .patch({ id: accountId })
      .add({ roles: ["coordinator"] })
      .go({ response: "all_new" });
    return data;
  }
  const { data } = await account.get({ id: accountId }).go({ consistent: true });
  if (!data) throw new Forbidden("Учётная запись удалена");
  return data;
}

export async function createSession(accountId: string, userAgent?: string) {
  const token = newToken();
  const now = Clock.nowMs();
  await db()
    .entities.session.create({
      tokenHash: hashToken(token),
      accountId,
      expiresAt: now + SESSION_TTL_MS,
      expiresAtEpoch: epoch(now + SESSION_TTL_MS) + 3600,
      userAgent: userAgent?.slice(0, 200),
    })
    .go();
  return token;
}

/**
 * The actor behind a session cookie. Reads the session and the account on every request,
 * so logout, deletion and blocking take effect at once.
 */
export async function resolveSession(token: string | undefined): Promise<Actor> {
  if (!token || token.length > 200) return { type: "guest" };
  const { session, account } = db().entities;
  const { data: found } = await session.get({ tokenHash: hashToken(token) }).go();
  if (!found || found.expiresAt < Clock.nowMs()) return { type: "guest" };
  const { data: person } = await account.get({ id: found.accountId }).go();
  if (person?.status !== "active") return { type: "guest" };
  return {
    type: "person",
    accountId: person.id,
    email: person.email,
    name: person.name,
    roles: (person.roles ?? []) as Role[],
  };
}

export async function logout(token: string | undefined) {
  if (!token) return;
  await db()
    .entities.session.delete({ tokenHash: hashToken(token) })
    .go();
}

/** Ends every session of an account: on blocking and on deletion. */
export async function endSessions(accountId: string) {
  const { session } = db().entities;
  const { data } = await session.query.byAccount({ accountId }).go({ pages: "all" });
  if (data.length) await session.delete(data.map(({ tokenHash }) => ({ tokenHash }))).go();
}
