import { queued } from "../mail";
import * as Templates from "../mail/templates";
import * as Clock from "../shared/clock";
import { type EventItem, placeOf, type RegistrationItem } from "./events";
import { sendOnce } from "./letters";
import { db } from "./store";

const HOUR = 3_600_000;

/** The two reminders: the day before and the hour before, each by the mark that records it. */
const reminders = [
  { soon: "day", before: 24 * HOUR, mark: "remindedDayAt" },
  { soon: "hour", before: HOUR, mark: "remindedHourAt" },
] as const;

/**
 * Which reminder is due for a confirmed participant now: the latest whose time has come and
 * which they have not had, unless they registered after that time (the confirmation told them).
 */
export function dueReminder(event: Pick<EventItem, "startsAt">, registration: RegistrationItem, now: Date) {
  const start = Date.parse(event.startsAt);
  if (registration.status !== "confirmed" || now.getTime() >= start) return undefined;
  const due = reminders.filter((reminder) => now.getTime() >= start - reminder.before).at(-1);
  if (!due || registration[due.mark]) return undefined;
  if (Date.parse(registration.confirmedAt ?? registration.createdAt) > start - due.before) return undefined;
  return due;
}

/**
 * The job: reminds every confirmed participant of the events starting within a day. The mark
 * and the letter are one transaction conditional on the mark's absence, so a rerun, or two runs
 * at once, send each reminder once; a cancelled registration is never reminded.
 */
export async function sendReminders(now = Clock.now()) {
  const { event, registration } = db().entities;
  const { data: soon } = await event.query
    .byStatus({ status: "published" })
    .between({ startsAt: now.toISOString() }, { startsAt: new Date(now.getTime() + 24 * HOUR).toISOString() })
    .go({ pages: "all" });
  let sent = 0;
  for (const item of soon) {
    const { data: registrations } = await registration.query
      .byEvent({ eventId: item.id })
      .go({ pages: "all" });
    for (const person of registrations) {
      const due = dueReminder(item, person, now);
      if (!due) continue;
      const letter = queued(
        Templates.eventReminder(
          person.email,
          {
            ...item,
            where: placeOf(item),
            link: person.attendance === "online" ? item.onlineUrl : undefined,
          },
          due.soon,
        ),
      );
      const reminded = await sendOnce(letter, ({ registration: registrations }) =>
        registrations
          .patch({ eventId: item.id, accountId: person.accountId })
          .set({ [due.mark]: now.toISOString() })
          .where(
            (attr, { eq, notExists }) => `${eq(attr.status, "confirmed")} AND ${notExists(attr[due.mark])}`,
          )
          .commit(),
      );
      // Not sent: cancelled, or reminded by another run, since the list was read.
      if (reminded) sent++;
    }
  }
  return { reminded: sent };
}
