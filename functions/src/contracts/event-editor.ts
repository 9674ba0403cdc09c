import {
  CancelEvent,
  CreateEvent,
  EventDetail,
  EventView,
  PortalSpeaker,
  ReturnProposal,
  ReviewProposal,
  UpdateEvent,
} from "@cluster/core/event/schema";
import { IMAGE_MAX_BYTES, imageTypes } from "@cluster/core/shared/images";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Мероприятия";

/**
 * Writing the programme: creating, changing and cancelling events, and coordinators' review of
 * proposals, with their search index and their notices. Its own function, so the registrations'
 * bundle stays within its 300 KB (ADR 022).
 */
export const eventEditorOperations = operations({
  createEvent: {
    method: "post",
    path: "/api/events",
    summary: "Create an event (coordinators: published at once) or propose one for a member organisation",
    tag,
    access: "person",
    body: CreateEvent,
    response: EventDetail,
    status: 201,
    errors: { 409: ["not_approved"] },
  },
  setEventCover: {
    method: "put",
    path: "/api/events/{id}/cover",
    summary: "Set the cover picture (PNG, JPEG or WebP, up to 200 KB) as the raw body (organisers)",
    tag,
    access: "person",
    upload: { types: imageTypes, maxBytes: IMAGE_MAX_BYTES },
    response: EventDetail,
    errors: { 409: ["cancelled", "stale"] },
  },
  removeEventCover: {
    method: "delete",
    path: "/api/events/{id}/cover",
    summary: "Remove the cover picture (organisers)",
    tag,
    access: "person",
    response: EventDetail,
    errors: { 409: ["cancelled", "stale"] },
  },
  getEventCover: {
    method: "get",
    path: "/api/events/{id}/cover/{coverId}",
    summary: "The cover picture (cacheable for good: a new picture has a new id)",
    tag,
    access: "guest",
    produces: imageTypes,
  },
  listPortalSpeakers: {
    method: "get",
    path: "/api/events/speakers",
    summary: "The portal's experts and officials an organiser may name as speakers",
    tag,
    access: "person",
    response: z.object({ items: z.array(PortalSpeaker) }),
  },
  listEventProposals: {
    method: "get",
    path: "/api/events/proposals",
    summary: "Events proposed by member organisations, waiting for a coordinator (coordinators)",
    tag,
    access: "coordinator",
    response: z.object({ items: z.array(EventView) }),
  },
  updateEvent: {
    method: "put",
    path: "/api/events/{id}",
    summary:
      "Change an event (its organiser or a coordinator); registrants are told with an updated invitation",
    tag,
    access: "person",
    body: UpdateEvent,
    response: EventDetail,
    errors: { 409: ["cancelled"] },
  },
  cancelEvent: {
    method: "post",
    path: "/api/events/{id}/cancel",
    summary: "Call an event off with a reason; every registrant is told, invitations are cancelled",
    tag,
    access: "person",
    body: CancelEvent,
    response: EventDetail,
    errors: { 409: ["cancelled"] },
  },
  publishEventProposal: {
    method: "post",
    path: "/api/events/{id}/publish",
    summary: "Publish a proposed event: registration opens, the organiser is told (coordinators)",
    tag,
    access: "coordinator",
    body: ReviewProposal,
    response: EventDetail,
    errors: { 409: ["not_proposed"] },
  },
  returnEventProposal: {
    method: "post",
    path: "/api/events/{id}/return",
    summary: "Return a proposed event to its organiser with what to improve (coordinators)",
    tag,
    access: "coordinator",
    body: ReturnProposal,
    response: EventDetail,
    errors: { 409: ["not_proposed"] },
  },
});
