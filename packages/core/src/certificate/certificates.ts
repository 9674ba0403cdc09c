import { randomInt } from "node:crypto";
import type { EntityItem } from "electrodb";
import { type Actor, requirePerson } from "../actor";
import { config } from "../config";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, NotFound } from "../errors";
import type { EventItem, RegistrationItem } from "../event/events";
import { TICKET_ALPHABET } from "../event/schema";
import { municipalityName } from "../reference";
import * as Clock from "../shared/clock";
import { certificatePdf } from "./document";
import type { CertificateEntity } from "./entity";
import { CERTIFICATE_CODE, type CertificateView, printedCode, typedCode } from "./schema";
import { db } from "./store";

type CertificateItem = EntityItem<typeof CertificateEntity>;

const ISSUER = "Кластер НКО Калужской области";

export const newCertificateCode = () =>
  Array.from({ length: 12 }, () => TICKET_ALPHABET[randomInt(0, TICKET_ALPHABET.length)]).join("");
export const verifyUrl = (code: string) => `${config().publicUrl}/certificates/${code}`;

/** «в вебинаре»: what the attendee took part in, by the event's kind. */
const deedOf: Record<EventItem["kind"], string> = {
  meeting: "во встрече",
  webinar: "в вебинаре",
  consultation_day: "в консультационном дне",
  strategic_session: "в стратегической сессии",
  final_session: "в итоговой сессии",
  fair: "в ярмарке социальных проектов",
  other: "в мероприятии",
};

function detailsOf(event: EventItem, registration: RegistrationItem) {
  const moscow = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Date(iso).toLocaleString("ru-RU", { timeZone: "Europe/Moscow", ...options });
  const day = moscow(event.startsAt, { dateStyle: "long" });
  const hours = `${moscow(event.startsAt, { timeStyle: "short" })}–${moscow(event.endsAt, { timeStyle: "short" })} (мск)`;
  const place =
    registration.attendance === "online"
      ? "онлайн"
      : [event.municipality ? municipalityName[event.municipality] : undefined, event.address]
          .filter(Boolean)
          .join(", ");
  return [day, hours, place].filter(Boolean).join(", ");
}

function viewOf(certificate: CertificateItem): CertificateView {
  return {
    code: certificate.code,
    kind: certificate.kind,
    name: certificate.name,
    heading: certificate.heading,
    deed: certificate.deed,
    title: certificate.title,
    details: certificate.details,
    issuer: certificate.issuer,
    issuedAt: certificate.issuedAt,
    subjectPath: `/events/${certificate.subjectId}`,
  };
}

async function issued(code: string) {
  const { data } = await db().entities.certificate.get({ code }).go({ consistent: true });
  return data ?? undefined;
}

/**
 * The attendee's certificate of an event held, issued on the first download: the code on the
 * registration and the certificate are one transaction conditional on no code yet, so two
 * downloads at once issue one certificate.
 */
async function issueForEvent(actor: Actor, eventId: string, now: Date) {
  const person = requirePerson(actor);
  const { event: events, registration: registrations } = db().entities;
  const [{ data: event }, { data: registration }] = await Promise.all([
    events.get({ id: eventId }).go({ consistent: true }),
    registrations.get({ eventId, accountId: person.accountId }).go({ consistent: true }),
  ]);
  if (!event || (event.status !== "published" && event.status !== "cancelled"))
    throw new NotFound("Мероприятие не найдено");
  if (!event.heldAt) throw new Conflict("Сертификаты выдаются после мероприятия", "not_held");
  if (!registration?.checkedInAt) throw new Forbidden("Сертификат получают те, чьё участие отмечено");
  if (registration.certificateCode) {
    const found = await issued(registration.certificateCode);
    if (found) return found;
  }
  const certificate: CertificateItem = {
    code: newCertificateCode(),
    kind: "event",
    subjectId: eventId,
    accountId: person.accountId,
    name: registration.name,
    heading: "Сертификат участника",
    deed: `принял(а) участие ${deedOf[event.kind]}`,
    title: event.title,
    details: detailsOf(event, registration),
    issuer: ISSUER,
    issuedAt: now.toISOString(),
    createdAt: now.toISOString(),
  };
  try {
    await writeAll(db, ({ certificate: certificates, registration: writes }) => [
      writes
        .patch({ eventId, accountId: person.accountId })
        .set({ certificateCode: certificate.code })
        .where(
          ({ certificateCode, checkedInAt }, { exists, notExists }) =>
            `${notExists(certificateCode)} AND ${exists(checkedInAt)}`,
        )
        .commit(),
      certificates.create(certificate).commit(),
    ]);
  } catch (error) {
    if (!(error instanceof Canceled)) throw error;
    // Issued by a download at the same moment: that one is the certificate.
    const { data: again } = await registrations
      .get({ eventId, accountId: person.accountId })
      .go({ consistent: true });
    const found = again?.certificateCode ? await issued(again.certificateCode) : undefined;
    if (!found) throw new Conflict("Сертификат не выдан, повторите попытку", "busy");
    return found;
  }
  return certificate;
}

/** The PDF of the attendee's certificate of an event. */
export async function eventCertificate(actor: Actor, eventId: string, now = Clock.now()) {
  const certificate = await issueForEvent(actor, eventId, now);
  return {
    fileName: `sertifikat-${certificate.code}.pdf`,
    content: certificatePdf({
      ...certificate,
      code: printedCode(certificate.code),
      verifyUrl: verifyUrl(certificate.code),
    }),
  };
}

/** The public check: anyone holding the code sees what the certificate says. */
export async function verify(typed: string) {
  const code = typedCode(typed);
  const found = CERTIFICATE_CODE.test(code) ? await issued(code) : undefined;
  if (!found) throw new NotFound("Сертификат с таким кодом не выдавался");
  return viewOf(found);
}
