import { config } from "@cluster/core/config";
import * as Calendars from "@cluster/core/event/calendars";
import * as Events from "@cluster/core/event/events";
import * as Outcome from "@cluster/core/event/outcome";
import * as Registrations from "@cluster/core/event/registrations";
import type { Context } from "hono";
import { eventOperations as op } from "./contracts/events";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

/** An iCalendar answer: a calendar application subscribes to it, a browser downloads it. */
const calendar = (c: Context, body: string, fileName: string) =>
  c.body(body, 200, {
    "content-type": "text/calendar; charset=utf-8",
    "content-disposition": `inline; filename="${fileName}"`,
  });

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "registrations" is not an event id.
bind(app, op.listEvents, ({ query }) => Events.calendar(query));
bind(app, op.listMyRegistrations, ({ actor }) => Registrations.mine(actor));
bind(app, op.getEventsCalendar, async (_input, c) =>
  calendar(c, await Calendars.publicFeed(), "meropriyatiya.ics"),
);
bind(app, op.renewCalendarFeed, async ({ actor }) => {
  const { token } = await Calendars.renewFeed(actor);
  const url = `${config().publicUrl}/api/events/feed?token=${token}`;
  return { url, webcal: url.replace(/^https?:/, "webcal:") };
});
bind(app, op.getCalendarFeed, async ({ query }, c) =>
  calendar(c, await Calendars.personalFeed(query.token), "moi-meropriyatiya.ics"),
);
bind(app, op.getEvent, ({ actor }, c) => Events.detail(actor, id(c)));
bind(app, op.getEventCalendarFile, async (_input, c) =>
  calendar(c, await Calendars.eventFile(id(c)), "meropriyatie.ics"),
);
bind(app, op.registerForEvent, ({ actor, body }, c) => Registrations.register(actor, id(c), body));
bind(app, op.cancelRegistration, ({ actor, body }, c) => Registrations.cancel(actor, id(c), body));
bind(app, op.confirmSeatOffer, ({ actor, body }, c) => Registrations.confirmOffer(actor, id(c), body));
bind(app, op.giveEventFeedback, ({ actor, body }, c) => Outcome.giveFeedback(actor, id(c), body));

export const handler = handle(app);
