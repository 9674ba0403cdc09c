import type { CertificateView } from "@cluster/core/certificate/schema";
import type {
  CreateEvent,
  EventDetail,
  EventOutcome,
  EventView,
  FeedbackResults,
  GiveFeedback,
  MyRegistration,
  Participant,
  PortalSpeaker,
  Register,
  RegistrationView,
  UpdateEvent,
} from "@cluster/core/event/schema";
import {
  type ConsultationTopic,
  consultationTopicIds,
  type EventFormat,
  type EventKind,
  eventFormatIds,
  eventKindIds,
  type MunicipalityId,
  municipalityIds,
} from "@cluster/core/reference";
import { action, query } from "@solidjs/router";
import { ApiError, api, download, type Page, queryString, type RawBody } from "./api";
import { oneOf, type SearchParams, textParam } from "./params";

export type CalendarFilters = {
  when?: "past";
  kind?: EventKind;
  format?: EventFormat;
  municipality?: MunicipalityId;
  topic?: ConsultationTopic;
  q?: string;
};

export const calendarFilters = (search: SearchParams): CalendarFilters => ({
  when: oneOf(["past"] as const, search.when),
  kind: oneOf<EventKind>(eventKindIds, search.kind),
  format: oneOf<EventFormat>(eventFormatIds, search.format),
  municipality: oneOf<MunicipalityId>(municipalityIds, search.municipality),
  topic: oneOf<ConsultationTopic>(consultationTopicIds, search.topic),
  q: textParam(search.q),
});

export const calendarPageSize = 20;

export const getEvents = query(
  (filters: CalendarFilters, cursor?: string, limit = calendarPageSize) =>
    api.get<Page<EventView>>(`/api/events${queryString({ ...filters, cursor, limit })}`),
  "events",
);

/** Null when the event does not exist or is not visible to this person. */
export const getEvent = query(async (id: string): Promise<EventDetail | null> => {
  try {
    return await api.get<EventDetail>(`/api/events/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}, "event");

export const getPortalSpeakers = query(
  () => api.get<{ items: PortalSpeaker[] }>("/api/events/speakers"),
  "portal-speakers",
);

export const createEvent = action(
  (input: CreateEvent) => api.post<EventDetail>("/api/events", input),
  "create-event",
);

const registrationPath = (id: string, rest = "") =>
  `/api/events/${encodeURIComponent(id)}/registration${rest}`;

export const registerForEvent = action(
  (id: string, input: Register) => api.post<RegistrationView>(registrationPath(id), input),
  "register-for-event",
);

export const cancelRegistration = action(
  (id: string, version: number) => api.post<{ ok: true }>(registrationPath(id, "/cancel"), { version }),
  "cancel-registration",
);

export const confirmSeatOffer = action(
  (id: string, version: number) => api.post<RegistrationView>(registrationPath(id, "/confirm"), { version }),
  "confirm-seat-offer",
);

export const getMyRegistrations = query(
  () => api.get<{ items: MyRegistration[] }>("/api/events/registrations/mine"),
  "my-registrations",
);

export const renewCalendarFeed = action(
  () => api.post<{ url: string; webcal: string }>("/api/events/feed", {}),
  "renew-calendar-feed",
);

export const updateEvent = action(
  (id: string, input: UpdateEvent) => api.put<EventDetail>(`/api/events/${encodeURIComponent(id)}`, input),
  "update-event",
);

export const cancelEvent = action(
  (id: string, input: { reason: string; version: number }) =>
    api.post<EventDetail>(`/api/events/${encodeURIComponent(id)}/cancel`, input),
  "cancel-event",
);

export const getParticipants = query(
  (id: string) => api.get<{ items: Participant[] }>(`/api/events/${encodeURIComponent(id)}/participants`),
  "event-participants",
);

export const participantsFileUrl = (id: string, format: "csv" | "xlsx") =>
  `/api/events/${encodeURIComponent(id)}/participants/file?format=${format}`;

export const checkInParticipant = action(
  (id: string, input: { ticket: string } | { accountId: string }) =>
    api.post<Participant>(`/api/events/${encodeURIComponent(id)}/check-in`, input),
  "check-in-participant",
);

const eventPath = (id: string, rest: string) => `/api/events/${encodeURIComponent(id)}${rest}`;

export const setEventCover = action(
  (id: string, file: RawBody) => api.putFile<EventDetail>(eventPath(id, "/cover"), file),
  "set-event-cover",
);

export const removeEventCover = action(
  (id: string) => api.delete<EventDetail>(eventPath(id, "/cover")),
  "remove-event-cover",
);

export const approveRegistration = action(
  (id: string, accountId: string) =>
    api.post<Participant>(eventPath(id, `/participants/${encodeURIComponent(accountId)}/approve`)),
  "approve-registration",
);

export const declineRegistration = action(
  (id: string, accountId: string, reason: string) =>
    api.post<Participant>(eventPath(id, `/participants/${encodeURIComponent(accountId)}/decline`), {
      reason,
    }),
  "decline-registration",
);

export const messageParticipants = action(
  (id: string, input: { to: "confirmed" | "everyone"; subject: string; text: string }) =>
    api.post<{ sent: number }>(`/api/events/${encodeURIComponent(id)}/participants/message`, input),
  "message-participants",
);

export const getEventProposals = query(
  () => api.get<{ items: EventView[] }>("/api/events/proposals"),
  "event-proposals",
);

export const publishEventProposal = action(
  (id: string, version: number) =>
    api.post<EventDetail>(`/api/events/${encodeURIComponent(id)}/publish`, { version }),
  "publish-event-proposal",
);

export const returnEventProposal = action(
  (id: string, input: { reason: string; version: number }) =>
    api.post<EventDetail>(`/api/events/${encodeURIComponent(id)}/return`, input),
  "return-event-proposal",
);

export const recordEventOutcome = action(
  (id: string, input: EventOutcome) => api.put<EventDetail>(eventPath(id, "/outcome"), input),
  "record-event-outcome",
);

export const giveEventFeedback = action(
  (id: string, input: GiveFeedback) => api.post<EventDetail>(eventPath(id, "/feedback"), input),
  "give-event-feedback",
);

export const getEventFeedback = query(
  (id: string) => api.get<FeedbackResults>(eventPath(id, "/feedback")),
  "event-feedback",
);

/** The attendee's certificate: downloaded, then the event read again for its verification code. */
export const downloadCertificate = action(async (id: string) => {
  const file = await download(eventPath(id, "/certificate"));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(file.blob);
  link.download = file.fileName ?? "sertifikat.pdf";
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}, "download-certificate");

/** Null for a code no certificate was issued with. */
export const getCertificate = query(async (code: string): Promise<CertificateView | null> => {
  try {
    return await api.get<CertificateView>(`/api/certificates/${encodeURIComponent(code)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}, "certificate");
