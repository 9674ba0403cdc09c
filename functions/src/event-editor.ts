import * as Changes from "@cluster/core/event/changes";
import * as Cover from "@cluster/core/event/cover";
import * as Events from "@cluster/core/event/events";
import * as Speakers from "@cluster/core/event/speakers";
import { imageHeaders } from "@cluster/core/shared/images";
import { eventEditorOperations as op } from "./contracts/event-editor";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

bind(app, op.createEvent, ({ actor, body }) => Changes.create(actor, body));
bind(app, op.setEventCover, ({ actor, upload }, c) =>
  Cover.setCover(actor, c.req.param("id") ?? "", upload.contentType, upload.bytes),
);
bind(app, op.removeEventCover, ({ actor }, c) => Cover.removeCover(actor, c.req.param("id") ?? ""));
bind(app, op.getEventCover, async ({ actor }, c) => {
  const { contentType, bytes } = await Cover.cover(
    actor,
    c.req.param("id") ?? "",
    c.req.param("coverId") ?? "",
  );
  return c.body(new Uint8Array(bytes), 200, imageHeaders(contentType, 31_536_000));
});
bind(app, op.listPortalSpeakers, ({ actor }) => Speakers.portalSpeakers(actor));
bind(app, op.listEventProposals, ({ actor }) => Events.proposals(actor));
bind(app, op.updateEvent, ({ actor, body }, c) => Changes.update(actor, id(c), body));
bind(app, op.cancelEvent, ({ actor, body }, c) => Changes.cancel(actor, id(c), body));
bind(app, op.publishEventProposal, ({ actor, body }, c) => Changes.publishProposal(actor, id(c), body));
bind(app, op.returnEventProposal, ({ actor, body }, c) => Changes.returnProposal(actor, id(c), body));

export const handler = handle(app);
