import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** 256 random bits, URL-safe: session cookies, sign-up and invitation tokens. */
export const newToken = () => randomBytes(32).toString("base64url");

/** Tokens are stored only as their hash, so a copy of the table opens nothing. */
export const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A 6-digit code from the CSPRNG, leading zeros kept. */
export const newLoginCode = () => randomInt(0, 1_000_000).toString().padStart(6, "0");

/**
 * A keyed hash: a million codes are too few for a plain hash to hide them, so the key
 * (AUTH_SECRET) must be known too.
 */
export const hashCode = (secret: string, email: string, code: string) =>
  createHmac("sha256", secret).update(`${email}\n${code}`).digest("base64url");

export const sameHash = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};
