import { randomBytes } from "node:crypto";
import * as Clock from "./clock";

/** Crockford's base 32, as the ULID spec uses it. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A ULID: 48 bits of milliseconds, then 80 random bits, 26 characters that sort by time. Ours,
 * not the `ulid` package's, because every Lambda carries it and the package is four times larger
 * (ADR 009); ids made in the same millisecond are not ordered among themselves, which no caller needs.
 */
export function ulid(time = Clock.nowMs()): string {
  let head = "";
  // Whole milliseconds: a fractional time (a computed instant) would index past the alphabet.
  for (let rest = Math.floor(time), i = 0; i < 10; i++, rest = Math.floor(rest / 32))
    head = ALPHABET[rest % 32] + head;
  let tail = "";
  for (const byte of randomBytes(16)) tail += ALPHABET[byte % 32];
  return head + tail;
}
