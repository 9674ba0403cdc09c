import { createHmac } from "node:crypto";
import { authSecret } from "../clients";
import { sameHash } from "../shared/secrets";

/**
 * Links in digests carry `<id>.<signature>` (manage) or `<id>.<nonce>.<signature>` (confirm):
 * the id alone opens nothing, and a confirmation link dies when a newer one is sent.
 */
type Purpose = "manage" | "confirm";

const signature = async (purpose: Purpose, parts: string[]) =>
  createHmac("sha256", await authSecret())
    .update(`digest:${purpose}:${parts.join(":")}`)
    .digest("base64url")
    .slice(0, 32);

export async function signToken(purpose: Purpose, ...parts: string[]) {
  return [...parts, await signature(purpose, parts)].join(".");
}

/** The signed parts, or undefined for a token that was not issued by us for this purpose. */
export async function readToken(purpose: Purpose, token: string): Promise<string[] | undefined> {
  const parts = token.split(".");
  const signed = parts.pop();
  if (
    !signed ||
    parts.length !== (purpose === "confirm" ? 2 : 1) ||
    parts.some((part) => !/^[\w-]{1,64}$/.test(part))
  )
    return undefined;
  return sameHash(signed, await signature(purpose, parts)) ? parts : undefined;
}
