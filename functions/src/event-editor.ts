import * as Changes from "@cluster/core/event/changes";
import * as Events from "@cluster/core/event/events";
import * as Speakers from "@cluster/core/event/speakers";
import { eventEditorOperations as op } from "./contracts/event-editor";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

bind(app, op.createEvent, ({ actor, body }) => Changes.create(actor, body));
bind(app, op.listPortalSpeakers, ({ actor }) => Speakers.portalSpeakers(actor));
bind(app, op.listEventProposals, ({ actor }) => Events.proposals(actor));
bind(app, op.updateEvent, ({ actor, body }, c) => Changes.update(actor, id(c), body));
bind(app, op.cancelEvent, ({ actor, body }, c) => Changes.cancel(actor, id(c), body));
bind(app, op.publishEventProposal, ({ actor, body }, c) => Changes.publishProposal(actor, id(c), body));
bind(app, op.returnEventProposal, ({ actor, body }, c) => Changes.returnProposal(actor, id(c), body));

export const handler = handle(app);
