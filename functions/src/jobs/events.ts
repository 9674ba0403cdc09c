import * as Changes from "@cluster/core/event/changes";
import * as Registrations from "@cluster/core/event/registrations";
import * as Reminders from "@cluster/core/event/reminders";

/**
 * Events: waitlist offers that lapsed pass to the next in line; reminders a day and an hour
 * before; the letters of a change that did not all go out when it was made.
 */
export async function handler() {
  const result = {
    ...(await Registrations.passLapsedOffers()),
    ...(await Reminders.sendReminders()),
    ...(await Changes.announcePending()),
  };
  console.log(JSON.stringify({ level: "info", msg: "events", ...result }));
  return result;
}
