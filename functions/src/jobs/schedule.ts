/**
 * The scheduled jobs. The Jobs stack makes an EventBridge rule of each schedule; the local
 * portal imports the same entry and calls its handler on a timer. Every job is idempotent, so
 * overlapping or repeated runs are harmless.
 */
export const jobs = [
  {
    name: "outbox",
    entry: "functions/src/jobs/outbox.ts",
    /** Retries mail that the request that queued it could not send. */
    schedule: "rate(5 minutes)",
    localEveryMinutes: 1,
    sendsMail: true,
  },
  {
    name: "matching",
    entry: "functions/src/jobs/matching.ts",
    /** Announces request/offer pairs that the run right after publishing missed. */
    schedule: "rate(1 hour)",
    localEveryMinutes: 5,
    sendsMail: true,
  },
  {
    name: "expiry",
    entry: "functions/src/jobs/expiry.ts",
    /** 00:05 in Moscow (UTC+3, no daylight saving): windows end with the day there. */
    schedule: "cron(5 21 * * ? *)",
    localEveryMinutes: 60,
    sendsMail: false,
  },
  {
    name: "deadlines",
    entry: "functions/src/jobs/deadlines.ts",
    /** Consultations: assigns untaken questions, reminds before the due time, escalates after. */
    schedule: "rate(1 hour)",
    localEveryMinutes: 5,
    sendsMail: true,
  },
  {
    name: "events",
    entry: "functions/src/jobs/events.ts",
    /** Lapsed waitlist offers pass on; reminders go a day and an hour before (the hour one within 15 min). */
    schedule: "rate(15 minutes)",
    localEveryMinutes: 5,
    sendsMail: true,
  },
  {
    name: "digest",
    entry: "functions/src/jobs/digest.ts",
    /** Sends the digests that fell due; a subscriber's hour is theirs, so the job runs every hour. */
    schedule: "cron(0 * * * ? *)",
    localEveryMinutes: 5,
    sendsMail: true,
    /** 10,000 digests at SES's 14 a second take 12 minutes; a run stops taking new ones before this. */
    timeoutSeconds: 900,
  },
  {
    name: "report",
    entry: "functions/src/jobs/report.ts",
    /** 09:00 in Moscow: weekly reports on Mondays, monthly on the 1st (REPORT_SCHEDULE). */
    schedule: "cron(0 6 * * ? *)",
    localEveryMinutes: 60,
    sendsMail: true,
    timeoutSeconds: 300,
  },
] as const;

/** Functions started by events rather than a clock: SES bounces and complaints through SNS. */
export const eventHandlers = [{ name: "ses-feedback", entry: "functions/src/jobs/ses-feedback.ts" }] as const;
