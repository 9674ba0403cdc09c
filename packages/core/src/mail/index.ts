import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { sesClient } from "../clients";
import { config } from "../config";
import { ulid } from "../shared/ulid";
import { db } from "./store";

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export type Queued = Message & { id: string; createdAt: string };

/** A message with its outbox key; put it in the same transaction as the change that causes it. */
export const queued = (message: Message): Queued => ({
  id: ulid(),
  createdAt: new Date().toISOString(),
  ...message,
});

/** Sent mail holds personal data: kept a month for support questions, then dropped by TTL. */
const SENT_RETENTION_S = 30 * 24 * 3600;

/** A send may be retried after this long if the sender died before recording the result. */
const CLAIM_MS = 60_000;
const MAX_ATTEMPTS = 8;

/**
 * SES takes a non-ASCII display name only as an RFC 2047 encoded word:
 * "Кластер НКО <noreply@…>" becomes "=?UTF-8?B?…?= <noreply@…>".
 */
export function encodeAddress(address: string) {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(address);
  if (!match) return address;
  const [, name = "", email] = match;
  if (!/[^\x20-\x7e]/.test(name)) return address;
  return `=?UTF-8?B?${Buffer.from(name.replace(/^"|"$/g, ""), "utf8").toString("base64")}?= <${email}>`;
}

async function send(message: Message) {
  await sesClient().send(
    new SendEmailCommand({
      FromEmailAddress: encodeAddress(config().mailFrom),
      Destination: { ToAddresses: [message.to] },
      Content: {
        Simple: {
          Subject: { Data: message.subject, Charset: "UTF-8" },
          Body: { Text: { Data: message.text, Charset: "UTF-8" } },
        },
      },
    }),
  );
}

/**
 * Sends queued messages after their transaction committed. Each message is claimed by a
 * conditional write first, so a request and the retry job never send the same one twice.
 */
export async function deliver(messages: Queued[]) {
  const outbox = db().entities.outbox;
  for (const message of messages) {
    const now = Date.now();
    try {
      await outbox
        .patch({ id: message.id })
        .add({ attempts: 1 })
        .set({ claimedUntil: now + CLAIM_MS })
        .where(
          ({ status, claimedUntil, attempts }, { eq, notExists, lt }) =>
            `${eq(status, "pending")} AND (${notExists(claimedUntil)} OR ${lt(claimedUntil, now)}) AND ${lt(attempts, MAX_ATTEMPTS)}`,
        )
        .go();
    } catch (error) {
      if (isConditionFailure(error)) continue;
      throw error;
    }
    try {
      await send(message);
      await outbox
        .patch({ id: message.id })
        .set({
          status: "sent",
          sentAt: new Date().toISOString(),
          expiresAtEpoch: Math.floor(Date.now() / 1000) + SENT_RETENTION_S,
        })
        .composite({ createdAt: message.createdAt })
        .go();
    } catch (error) {
      console.error(
        JSON.stringify({ level: "error", msg: "mail send failed", id: message.id, error: String(error) }),
      );
      await outbox
        .patch({ id: message.id })
        .set({ lastError: String(error).slice(0, 500) })
        .remove(["claimedUntil"])
        .go();
    }
  }
}

/** The retry job: everything still pending, oldest first. */
export async function deliverPending() {
  const { data } = await db().entities.outbox.query.byStatus({ status: "pending" }).go({ pages: "all" });
  await deliver(data);
  return data.length;
}

export function isConditionFailure(error: unknown): boolean {
  const text = String((error as { cause?: unknown })?.cause ?? error);
  return text.includes("ConditionalCheckFailed") || text.includes("conditional request failed");
}
