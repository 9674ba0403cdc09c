import * as Watch from "@cluster/core/consultation/watch";

/** Consultation deadlines: round-robin assignment, reminders before the due time, escalation after. */
export async function handler() {
  const result = await Watch.watchDeadlines();
  console.log(JSON.stringify({ level: "info", msg: "consultation deadlines", ...result }));
  return result;
}
