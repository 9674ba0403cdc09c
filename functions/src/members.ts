import * as Member from "@cluster/core/member/index";
import { imageHeaders } from "@cluster/core/shared/images";
import { memberOperations as op } from "./contracts/members";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "newest", "applications" and "invitations" are not organisation ids.
bind(app, op.directory, ({ query }) => Member.list(query));
bind(app, op.newest, ({ query }) => Member.newest(query));
bind(app, op.apply, ({ actor, body }) => Member.apply(actor, body));
bind(app, op.queue, ({ actor, query }) => Member.queue(actor, query.cursor, query.limit));
bind(app, op.acceptInvitation, ({ actor, body }) => Member.acceptInvitation(actor, body));
bind(app, op.get, ({ actor }, c) => Member.get(actor, id(c)));
bind(app, op.update, ({ actor, body }, c) => Member.update(actor, id(c), body));
bind(app, op.approve, ({ actor, body }, c) => Member.approve(actor, id(c), body));
bind(app, op.reject, ({ actor, body }, c) => Member.reject(actor, id(c), body));
bind(app, op.setLogo, ({ actor, upload }, c) =>
  Member.setLogo(actor, id(c), upload.contentType, upload.bytes),
);
bind(app, op.removeLogo, ({ actor }, c) => Member.removeLogo(actor, id(c)));
bind(app, op.logo, async ({ actor }, c) => {
  const { contentType, bytes } = await Member.logo(actor, id(c));
  return c.body(bytes, 200, imageHeaders(contentType, 86_400));
});
bind(app, op.representatives, ({ actor }, c) => Member.representatives(actor, id(c)));
bind(app, op.invite, async ({ actor, body }, c) => {
  await Member.invite(actor, id(c), body);
  return { ok: true };
});

export const handler = handle(app);
