import {
  CalendarFeedQuery,
  ChangeRegistration,
  EventDetail,
  EventQuery,
  EventView,
  MyRegistration,
  Register,
  RegistrationView,
} from "@cluster/core/event/schema";
import { Page } from "@cluster/core/shared/page";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Мероприятия";

export const eventOperations = operations({
  listEvents: {
    method: "get",
    path: "/api/events",
    summary:
      "The calendar: upcoming events soonest first, or past ones latest first; by kind, format, place, topic",
    tag,
    access: "guest",
    query: EventQuery,
    response: Page(EventView),
  },
  listMyRegistrations: {
    method: "get",
    path: "/api/events/registrations/mine",
    summary: "My registrations (confirmed, waiting or offered a seat), soonest event first",
    tag,
    access: "person",
    response: z.object({ items: z.array(MyRegistration) }),
  },
  getEventsCalendar: {
    method: "get",
    path: "/api/events/calendar.ics",
    summary:
      "The public calendar feed (iCalendar, webcal-subscribable): published events from a month ago on",
    tag,
    access: "guest",
    produces: ["text/calendar"],
  },
  renewCalendarFeed: {
    method: "post",
    path: "/api/events/feed",
    summary: "A new secret address of my own calendar feed (the previous one stops working)",
    tag,
    access: "person",
    response: z.object({ url: z.string(), webcal: z.string() }),
  },
  getCalendarFeed: {
    method: "get",
    path: "/api/events/feed",
    summary: "A person's calendar feed by its secret address: the events they are confirmed for, with links",
    tag,
    access: "guest",
    query: CalendarFeedQuery,
    produces: ["text/calendar"],
    errors: { 404: ["not_found"] },
  },
  getEvent: {
    method: "get",
    path: "/api/events/{id}",
    summary: "An event; its online link only for confirmed participants and organisers",
    tag,
    access: "guest",
    response: EventDetail,
  },
  getEventCalendarFile: {
    method: "get",
    path: "/api/events/{id}/calendar.ics",
    summary: "One event as an iCalendar file, to add to a calendar (no online link)",
    tag,
    access: "guest",
    produces: ["text/calendar"],
  },
  registerForEvent: {
    method: "post",
    path: "/api/events/{id}/registration",
    summary: "Register: a seat if one is left, else a place on the waitlist (never more seats than capacity)",
    tag,
    access: "person",
    body: Register,
    response: RegistrationView,
    status: 201,
    errors: { 409: ["not_approved", "already_registered", "registration_closed", "registration_not_open"] },
  },
  cancelRegistration: {
    method: "post",
    path: "/api/events/{id}/registration/cancel",
    summary: "Cancel my registration or decline an offered seat; the next in line is offered it",
    tag,
    access: "person",
    body: ChangeRegistration,
    response: z.object({ ok: z.literal(true) }),
  },
  confirmSeatOffer: {
    method: "post",
    path: "/api/events/{id}/registration/confirm",
    summary: "Take the seat offered from the waitlist before the offer lapses",
    tag,
    access: "person",
    body: ChangeRegistration,
    response: RegistrationView,
    errors: { 409: ["offer_expired"] },
  },
});
