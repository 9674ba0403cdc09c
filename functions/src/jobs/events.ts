import * as Registrations from "@cluster/core/event/registrations";

/** Events: waitlist offers that lapsed pass to the next in line. */
export async function handler() {
  const result = await Registrations.passLapsedOffers();
  console.log(JSON.stringify({ level: "info", msg: "events", ...result }));
  return result;
}
