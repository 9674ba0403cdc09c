import * as Auth from "@cluster/core/auth/index";
import { config } from "@cluster/core/config";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createPublicApp } from "./app";
import { errorBody } from "./errors";

export const SESSION_COOKIE = "session";

const unsafe = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cookie-authenticated writes must come from the portal's own pages: browsers always send
 * Origin on such requests, and a foreign site cannot forge it (the CSRF defence).
 */
function sameOrigin(c: Context) {
  const origin = c.req.header("origin");
  if (!origin) return false;
  const allowed = new Set([new URL(config().publicUrl).origin, new URL(c.req.url).origin]);
  return allowed.has(origin);
}

/** An area's app: the public app plus the person behind the session cookie. */
export function createAreaApp() {
  const app = createPublicApp();
  app.use(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token && unsafe.has(c.req.method) && !sameOrigin(c)) {
      return c.json(errorBody("csrf", "Запрос отклонён: откройте портал и повторите действие"), 403);
    }
    if (token) c.set("actor", await Auth.resolveSession(token));
    await next();
  });
  return app;
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
