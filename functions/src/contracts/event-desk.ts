import {
  CheckIn,
  DeclineRegistration,
  EventDetail,
  EventOutcome,
  FeedbackResults,
  MessageParticipants,
  Participant,
  ParticipantsFileQuery,
} from "@cluster/core/event/schema";
import { XLSX_TYPE } from "@cluster/core/report/xlsx";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Мероприятия";

/**
 * The organiser's desk: the participants, their spreadsheet, a letter to them, the check-in,
 * the outcome (summary and materials) and the feedback.
 * Its own function, so the spreadsheet writer stays out of the others' bundles (300 KB, ADR 022).
 */
export const eventDeskOperations = operations({
  listParticipants: {
    method: "get",
    path: "/api/events/{id}/participants",
    summary: "Everyone registered or waiting, first come first, with their answers (organisers)",
    tag,
    access: "person",
    response: z.object({ items: z.array(Participant) }),
  },
  downloadParticipants: {
    method: "get",
    path: "/api/events/{id}/participants/file",
    summary: "The participants as CSV for Excel (BOM, semicolons) or XLSX (organisers)",
    tag,
    access: "person",
    query: ParticipantsFileQuery,
    produces: ["text/csv", XLSX_TYPE],
  },
  messageParticipants: {
    method: "post",
    path: "/api/events/{id}/participants/message",
    summary: "Write to the confirmed participants, or to everyone registered or waiting (organisers)",
    tag,
    access: "person",
    body: MessageParticipants,
    response: z.object({ sent: z.number() }),
    errors: { 409: ["no_recipients"] },
  },
  checkInParticipant: {
    method: "post",
    path: "/api/events/{id}/check-in",
    summary: "Mark attendance by a ticket's code (its QR code) or, for an online participant, from the list",
    tag,
    access: "person",
    body: CheckIn,
    response: Participant,
    errors: { 409: ["cancelled", "not_confirmed", "already_checked_in"] },
  },
  approveRegistration: {
    method: "post",
    path: "/api/events/{id}/participants/{accountId}/approve",
    summary: "Accept a request to take part: a seat if one is left, else a waiting place (organisers)",
    tag,
    access: "person",
    response: Participant,
    errors: { 409: ["not_pending", "not_published", "busy"] },
  },
  declineRegistration: {
    method: "post",
    path: "/api/events/{id}/participants/{accountId}/decline",
    summary: "Decline a request to take part, with the reason the person is told (organisers)",
    tag,
    access: "person",
    body: DeclineRegistration,
    response: Participant,
    errors: { 409: ["not_pending", "not_published"] },
  },
  recordEventOutcome: {
    method: "put",
    path: "/api/events/{id}/outcome",
    summary:
      "Record how it went: the summary and materials (the first record marks the event held and asks attendees for feedback)",
    tag,
    access: "person",
    body: EventOutcome,
    response: EventDetail,
    errors: { 409: ["not_published"] },
  },
  getEventFeedback: {
    method: "get",
    path: "/api/events/{id}/feedback",
    summary: "The attendees' ratings and comments, without names (organisers)",
    tag,
    access: "person",
    response: FeedbackResults,
  },
});
