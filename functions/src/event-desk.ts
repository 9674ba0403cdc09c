import * as Organiser from "@cluster/core/event/organiser";
import * as Outcome from "@cluster/core/event/outcome";
import * as Registrations from "@cluster/core/event/registrations";
import { eventDeskOperations as op } from "./contracts/event-desk";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

bind(app, op.listParticipants, ({ actor }, c) => Organiser.participants(actor, id(c)));
bind(app, op.downloadParticipants, async ({ actor, query }, c) => {
  const file = await Organiser.participantsFile(actor, id(c), query.format);
  return c.body(typeof file.content === "string" ? file.content : new Uint8Array(file.content), 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.fileName}"`,
  });
});
bind(app, op.messageParticipants, ({ actor, body }, c) => Organiser.message(actor, id(c), body));
bind(app, op.checkInParticipant, ({ actor, body }, c) => Organiser.checkIn(actor, id(c), body));
const accountId = (c: { req: { param: (name: string) => string | undefined } }) =>
  c.req.param("accountId") ?? "";
bind(app, op.approveRegistration, async ({ actor }, c) =>
  Organiser.participant(await Registrations.approve(actor, id(c), accountId(c))),
);
bind(app, op.declineRegistration, async ({ actor, body }, c) =>
  Organiser.participant(await Registrations.decline(actor, id(c), accountId(c), body)),
);
bind(app, op.recordEventOutcome, ({ actor, body }, c) => Outcome.recordOutcome(actor, id(c), body));
bind(app, op.getEventFeedback, ({ actor }, c) => Outcome.feedbackResults(actor, id(c)));

export const handler = handle(app);
