import * as Account from "@cluster/core/account/index";
import * as Auth from "@cluster/core/auth/index";
import { getCookie } from "hono/cookie";
import { authOperations as op } from "./contracts/auth";
import { bind } from "./http/app";
import { clientIp } from "./http/client";
import { handle } from "./http/lambda";
import { createAreaApp, endSession, SESSION_COOKIE, startSession } from "./http/session";

export const app = createAreaApp();

bind(app, op.requestLoginCode, async ({ body }, c) => ({
  ok: true,
  ...(await Auth.requestCode(body, clientIp(c))),
}));

bind(app, op.verifyLoginCode, async ({ body }, c) => {
  const { sessionToken, ...result } = await Auth.verifyCode(body, clientIp(c), c.req.header("user-agent"));
  if (sessionToken) startSession(c, sessionToken);
  return result;
});

bind(app, op.signUp, async ({ body }, c) => {
  const { sessionToken, next } = await Auth.signUp(body, c.req.header("user-agent"));
  startSession(c, sessionToken);
  return { next };
});

bind(app, op.getSession, async ({ actor }) =>
  actor.type === "person" ? Account.me(actor) : { account: null, memberships: [] },
);

bind(app, op.logOut, async (_input, c) => {
  await Auth.logout(getCookie(c, SESSION_COOKIE));
  endSession(c);
});

export const handler = handle(app);
