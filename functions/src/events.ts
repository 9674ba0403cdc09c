import * as Events from "@cluster/core/event/events";
import * as Registrations from "@cluster/core/event/registrations";
import { eventOperations as op } from "./contracts/events";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

const id = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";

// Fixed paths first: "registrations" is not an event id.
bind(app, op.createEvent, ({ actor, body }) => Events.create(actor, body));
bind(app, op.listEvents, ({ query }) => Events.calendar(query));
bind(app, op.listMyRegistrations, ({ actor }) => Registrations.mine(actor));
bind(app, op.getEvent, ({ actor }, c) => Events.detail(actor, id(c)));
bind(app, op.registerForEvent, ({ actor, body }, c) => Registrations.register(actor, id(c), body));
bind(app, op.cancelRegistration, ({ actor, body }, c) => Registrations.cancel(actor, id(c), body));
bind(app, op.confirmSeatOffer, ({ actor, body }, c) => Registrations.confirmOffer(actor, id(c), body));

export const handler = handle(app);
