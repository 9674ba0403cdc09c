import type { Context } from "hono";

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
