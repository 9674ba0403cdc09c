import * as Changes from "@cluster/core/event/changes";
import * as Outcome from "@cluster/core/event/outcome";
import * as Registrations from "@cluster/core/event/registrations";
import * as Reminders from "@cluster/core/event/reminders";

/**
 * Events: waitlist offers that lapsed pass to the next in line; reminders a day and an hour
 * before; the letters of a change that did not all go out when it was made; the requests for
 * feedback to the attendees of the events held this week.
 */
export async function handler() {
  const result = {
    ...(await Registrations.passLapsedOffers()),
    ...(await Reminders.sendReminders()),
    ...(await Changes.announcePending()),
    ...(await Outcome.askFeedbackPending()),
  };
  console.log(JSON.stringify({ level: "info", msg: "events", ...result }));
  return result;
}
