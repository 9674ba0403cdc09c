import { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { sesClient } from "../clients";
import { config } from "../config";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import { db } from "./store";

export interface Message {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar invitation, update or cancellation (its METHOD line says which), attached. */
  calendar?: string;
}

export type Queued = Message & { id: string; createdAt: string };

/** A message with its outbox key; put it in the same transaction as the change that causes it. */
export const queued = (message: Message): Queued => ({
  id: ulid(),
  createdAt: Clock.nowIso(),
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

/** A letter beyond the outbox's plain text: digests and reports. */
export interface Letter extends Message {
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058). */
  headers?: Record<string, string>;
  attachments?: { fileName: string; contentType: string; content: Uint8Array | string }[];
}

/** Everything people wrote goes through this before it touches a letter's HTML. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * Header values come from people (titles, names): a CR or LF there would start a header of
 * the attacker's choosing, so every control character becomes a space.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what it removes
export const headerSafe = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();

/** A message's calendar as the attachment mail clients offer to add (RFC 6047). */
function calendarAttachment(calendar: string) {
  const method = /^METHOD:(\w+)/m.exec(calendar)?.[1] ?? "PUBLISH";
  return {
    fileName: "invite.ics",
    contentType: `text/calendar; charset=UTF-8; method=${method}`,
    content: calendar,
  };
}

/** One letter through SES; throws what SES throws (throttling included) for the caller to handle. */
export async function sendLetter(letter: Letter) {
  const attachments = [
    ...(letter.attachments ?? []),
    ...(letter.calendar ? [calendarAttachment(letter.calendar)] : []),
  ];
  const { MessageId } = await sesClient().send(
    new SendEmailCommand({
      FromEmailAddress: encodeAddress(config().mailFrom),
      Destination: { ToAddresses: [letter.to] },
      Content: {
        Simple: {
          Subject: { Data: headerSafe(letter.subject), Charset: "UTF-8" },
          Body: {
            Text: { Data: letter.text, Charset: "UTF-8" },
            ...(letter.html ? { Html: { Data: letter.html, Charset: "UTF-8" } } : {}),
          },
          Headers: Object.entries(letter.headers ?? {}).map(([Name, Value]) => ({
            Name,
            Value: headerSafe(Value),
          })),
          Attachments: (attachments.length ? attachments : undefined)?.map((file) => ({
            FileName: headerSafe(file.fileName),
            ContentType: file.contentType,
            RawContent:
              typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content,
          })),
        },
      },
    }),
  );
  return MessageId;
}

/**
 * Sends queued messages after their transaction committed. Each message is claimed by a
 * conditional write first, so a request and the retry job never send the same one twice.
 */
export async function deliver(messages: Queued[]) {
  const outbox = db().entities.outbox;
  for (const message of messages) {
    const now = Clock.nowMs();
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
      await sendLetter(message);
      await outbox
        .patch({ id: message.id })
        .set({
          status: "sent",
          sentAt: Clock.nowIso(),
          expiresAtEpoch: Math.floor(Clock.nowMs() / 1000) + SENT_RETENTION_S,
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
