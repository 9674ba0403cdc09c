import * as Member from "@cluster/core/member/index";
import { imageHeaders } from "@cluster/core/shared/images";
import { memberOperations as op } from "./contracts/members";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "newest", "applications" and "invitations" are not organisation ids.
bind(app, op.listMembers, ({ query }) => Member.list(query));
bind(app, op.listNewestMembers, ({ query }) => Member.newest(query));
bind(app, op.applyForMembership, ({ actor, body }) => Member.apply(actor, body));
bind(app, op.listApplications, ({ actor, query }) => Member.queue(actor, query.cursor, query.limit));
bind(app, op.acceptInvitation, ({ actor, body }) => Member.acceptInvitation(actor, body));
bind(app, op.getMember, ({ actor }, c) => Member.get(actor, id(c)));
bind(app, op.updateMember, ({ actor, body }, c) => Member.update(actor, id(c), body));
bind(app, op.approveMember, ({ actor, body }, c) => Member.approve(actor, id(c), body));
bind(app, op.rejectMember, ({ actor, body }, c) => Member.reject(actor, id(c), body));
bind(app, op.setMemberLogo, ({ actor, upload }, c) =>
  Member.setLogo(actor, id(c), upload.contentType, upload.bytes),
);
bind(app, op.removeMemberLogo, ({ actor }, c) => Member.removeLogo(actor, id(c)));
bind(app, op.getMemberLogo, async ({ actor }, c) => {
  const { contentType, bytes } = await Member.logo(actor, id(c));
  return c.body(bytes, 200, imageHeaders(contentType, 86_400));
});
bind(app, op.listRepresentatives, ({ actor }, c) => Member.representatives(actor, id(c)));
bind(app, op.inviteRepresentative, async ({ actor, body }, c) => {
  await Member.invite(actor, id(c), body);
  return { ok: true };
});

export const handler = handle(app);
