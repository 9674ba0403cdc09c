import type { Actor } from "../actor";
import { Conflict, Invalid, NotFound } from "../errors";
import { deliver, isConditionFailure, queued } from "../mail";
import * as Templates from "../mail/templates";
import { workbook, XLSX_TYPE } from "../report/xlsx";
import * as Clock from "../shared/clock";
import { csvDocument } from "../shared/csv";
import { type EventItem, organisedBy, type RegistrationItem } from "./events";
import type { CheckIn, MessageParticipants, Participant } from "./schema";
import { db } from "./store";

const statusName: Record<RegistrationItem["status"], string> = {
  pending: "Заявка ждёт решения",
  declined: "Заявка отклонена",
  confirmed: "Зарегистрирован",
  waiting: "В листе ожидания",
  offered: "Предложено место",
  cancelled: "Отменил",
  expired: "Не подтвердил место",
};

const organised = (actor: Actor, eventId: string) =>
  organisedBy(actor, eventId, "Список участников видят организатор и координаторы");

async function registrationsOf(eventId: string) {
  const { data } = await db().entities.registration.query.byEvent({ eventId }).go({ pages: "all" });
  // First come first: as they registered.
  return data.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0));
}

export const participant = (registration: RegistrationItem): Participant => ({
  accountId: registration.accountId,
  name: registration.name,
  email: registration.email,
  organisation: registration.organisationName,
  attendance: registration.attendance,
  status: registration.status,
  answers: registration.answers ?? [],
  registeredAt: registration.createdAt,
  checkedInAt: registration.checkedInAt,
});

/** Everyone who registered, first come first, for the organiser and coordinators. */
export async function participants(actor: Actor, eventId: string) {
  await organised(actor, eventId);
  return { items: (await registrationsOf(eventId)).map(participant) };
}

/** The list as a spreadsheet: CSV for Excel (BOM, semicolons) or XLSX, one column per question. */
export async function participantsFile(actor: Actor, eventId: string, format: "csv" | "xlsx") {
  const event = await organised(actor, eventId);
  const registrations = await registrationsOf(eventId);
  const questions = event.questions ?? [];
  const moscow = (iso: string | undefined) =>
    iso ? new Date(Date.parse(iso) + 3 * 3600_000).toISOString().slice(0, 16).replace("T", " ") : "";
  const rows = [
    [
      "Имя",
      "Эл. почта",
      "Организация",
      "Участие",
      "Статус",
      "Зарегистрирован (мск)",
      "Пришёл (мск)",
      ...questions.map((q) => q.label),
    ],
    ...registrations.map((registration) => [
      registration.name,
      registration.email,
      registration.organisationName ?? "",
      registration.attendance === "online" ? "онлайн" : "очно",
      statusName[registration.status],
      moscow(registration.createdAt),
      moscow(registration.checkedInAt),
      ...questions.map(
        (question) =>
          (registration.answers ?? []).find((answer) => answer.questionId === question.id)?.value ?? "",
      ),
    ]),
  ];
  const fileName = `uchastniki-${event.id}.${format}`;
  return format === "csv"
    ? { fileName, contentType: "text/csv; charset=utf-8", content: csvDocument(rows) as string | Uint8Array }
    : {
        fileName,
        contentType: XLSX_TYPE,
        content: workbook([{ name: "Участники", rows }]) as string | Uint8Array,
      };
}

/** A letter from the organiser to the confirmed participants, or to everyone registered or waiting. */
export async function message(actor: Actor, eventId: string, input: MessageParticipants) {
  const event = await organised(actor, eventId);
  const registrations = await registrationsOf(eventId);
  const recipients = registrations.filter((registration) =>
    input.to === "confirmed"
      ? registration.status === "confirmed"
      : registration.status === "confirmed" ||
        registration.status === "waiting" ||
        registration.status === "offered",
  );
  if (recipients.length === 0) throw new Conflict("Пока некому писать: нет участников", "no_recipients");
  const letters = recipients.map((registration) =>
    queued(Templates.organiserMessage(registration.email, event, input.subject, input.text)),
  );
  // Each letter is in the outbox before any is sent: the retry job finishes what this request does not.
  const { outbox } = db().entities;
  for (let start = 0; start < letters.length; start += 10) {
    await Promise.all(letters.slice(start, start + 10).map((letter) => outbox.create(letter).go()));
  }
  await deliver(letters);
  return { sent: letters.length };
}

function ticketOwner(registrations: RegistrationItem[], input: CheckIn) {
  if (input.ticket) {
    const found = registrations.find((registration) => registration.ticket === input.ticket);
    if (!found) throw new Invalid({ ticket: "Такого билета нет у этого мероприятия" });
    return found;
  }
  const found = registrations.find((registration) => registration.accountId === input.accountId);
  if (!found) throw new NotFound("Такого участника нет");
  return found;
}

/**
 * Attendance: at the door by the ticket (the QR code or its ten characters typed), or from the
 * list (an online participant). Recorded once, conditional on a confirmed place not yet marked.
 */
export async function checkIn(actor: Actor, eventId: string, input: CheckIn, now = Clock.now()) {
  const event: EventItem = await organised(actor, eventId);
  if (event.status === "cancelled") throw new Conflict("Мероприятие отменено", "cancelled");
  const registration = ticketOwner(await registrationsOf(eventId), input);
  if (registration.status !== "confirmed") {
    throw new Conflict(`У ${registration.name} нет подтверждённого места`, "not_confirmed");
  }
  if (registration.checkedInAt) {
    throw new Conflict(`${registration.name} уже отмечен(а)`, "already_checked_in");
  }
  try {
    await db()
      .entities.registration.patch({ eventId, accountId: registration.accountId })
      .set({ checkedInAt: now.toISOString() })
      .where(
        (attr, { eq, notExists }) => `${eq(attr.status, "confirmed")} AND ${notExists(attr.checkedInAt)}`,
      )
      .go();
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new Conflict(`${registration.name} уже отмечен(а)`, "already_checked_in");
    }
    throw error;
  }
  return participant({ ...registration, checkedInAt: now.toISOString() });
}
