import { Auth, config } from "@cluster/core";
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { SESSION_COOKIE } from "./app";

/**
 * The caller's address for rate limits: API Gateway's source IP on Lambda, the socket's
 * peer locally. X-Forwarded-For is not trusted: anyone can write it.
 */
export function clientIp(c: Context): string {
  const env = c.env as
    | {
        requestContext?: { http?: { sourceIp?: string } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? "unknown";
}

export function startSession(c: Context, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: config().publicUrl.startsWith("https://"),
    path: "/",
    maxAge: Math.floor(Auth.SESSION_TTL_MS / 1000),
  });
}

export function endSession(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
