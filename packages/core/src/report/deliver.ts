import { coordinatorEmails } from "../account/coordinators";
import { config } from "../config";
import { isConditionFailure, sendLetter } from "../mail";
import * as Clock from "../shared/clock";
import { moscowToday } from "../shared/dates";
import { build } from "./figures";
import { reportFile } from "./files";
import { reportLetter } from "./letter";
import { owed } from "./periods";
import { db } from "./store";

/**
 * The report job: builds each report that is owed and mails it to each coordinator who has not
 * had it, with the figures in the body and CSV and XLSX attached. A coordinator's mark is created
 * conditionally before the letter goes out and removed if SES refuses it, so re-runs and
 * overlapping runs send each report to each coordinator at most once, and a refused letter is
 * retried by the next run.
 */
export async function sendDueReports(now = Clock.now()) {
  const result = { reports: [] as string[], sent: 0, alreadySent: 0, failed: 0 };
  const due = owed(moscowToday(now), config().reportSchedule);
  if (due.length === 0) return result;
  const { reportDelivery } = db().entities;
  const recipients = await coordinatorEmails();
  for (const [report, { kind, period }] of due) {
    result.reports.push(report);
    const { data: marks } = await reportDelivery.query.byReport({ report }).go({ pages: "all" });
    const done = new Set(marks.map((mark) => mark.email));
    const waiting = recipients.filter((email) => !done.has(email));
    result.alreadySent += recipients.length - waiting.length;
    if (waiting.length === 0) continue;
    const built = await build(period, { now });
    const letter = reportLetter(kind, built);
    const attachments = [reportFile(built, "csv"), reportFile(built, "xlsx")];
    for (const email of waiting) {
      try {
        await reportDelivery.create({ report, email, at: now.toISOString() }).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        result.alreadySent++;
        continue;
      }
      try {
        await sendLetter({ to: email, ...letter, attachments });
        result.sent++;
      } catch (error) {
        await reportDelivery.delete({ report, email }).go();
        result.failed++;
        console.error(
          JSON.stringify({ level: "error", msg: "report not sent", report, error: String(error) }),
        );
      }
    }
  }
  return result;
}
