/**
 * `npm run bench:events`: 1,000 people register for a 100-seat webinar through the API at 50
 * connections (ADR 022). Prints p50/p99, how many were confirmed and waitlisted, how many seats
 * were oversold (must be 0), the DynamoDB requests per registration, and the RCU of a calendar
 * page among 300 published events.
 */
import { createSession } from "../packages/core/src/auth/index";
import { documentClient } from "../packages/core/src/clients";
import { db } from "../packages/core/src/db/service";
import * as Changes from "../packages/core/src/event/changes";
import { consent, eventKindIds, municipalityIds } from "../packages/core/src/reference";
import { ulid } from "../packages/core/src/shared/ulid";
import { startEmbedded } from "../packages/local/src/embedded";
import { freePort } from "../packages/local/src/ports";
import { describeReads, percentile, putAll, reads, recordQueries, seeded } from "./bench-kit";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1000);
const SEATS = 100;
const CONNECTIONS = 50;
const CALENDAR_EVENTS = 300;
const HOUR = 3_600_000;
const { random, pick } = seeded(0xe7_2026);

const portal = await startEmbedded({
  port: await freePort(),
  dynamoPort: await freePort(),
  sesPort: await freePort(),
  seed: false,
});
recordQueries();
const requests = new Map<string, number>();
let counting = false;
documentClient().middlewareStack.add(
  (next, context) => async (args) => {
    const command = context.commandName ?? "?";
    if (counting) requests.set(command, (requests.get(command) ?? 0) + 1);
    return next(args);
  },
  { step: "initialize", name: "benchRequestCount" },
);

/** A Moscow clock time, as the form sends it. */
const moscow = (at: number) => new Date(at + 3 * HOUR).toISOString().slice(0, 16);

try {
  const now = Date.now();
  const people = Array.from({ length: PEOPLE + 1 }, (_, index) => ({
    id: ulid(),
    email: `person${index}@bench.example`,
    name: `Участник ${index}`,
    consentVersion: consent.version,
    consentAt: new Date(now).toISOString(),
  }));
  const [organiser, ...registrants] = people as [(typeof people)[number], ...typeof people];
  await putAll(
    (items) => db().entities.account.put(items).go({ concurrency: 8 }),
    [{ ...organiser, roles: new Set(["coordinator"]) as unknown as string[] }, ...registrants],
  );
  const cookies: string[] = [];
  for (let start = 0; start < registrants.length; start += CONNECTIONS) {
    const batch = registrants.slice(start, start + CONNECTIONS);
    cookies.push(
      ...(await Promise.all(batch.map(async (person) => `session=${await createSession(person.id)}`))),
    );
  }
  const coordinator = {
    type: "person" as const,
    accountId: organiser.id,
    email: organiser.email,
    name: organiser.name,
    roles: ["coordinator" as const],
  };
  const event = await Changes.create(coordinator, {
    kind: "webinar",
    format: "online",
    title: "Вебинар: как написать заявку в Фонд президентских грантов",
    description: "Разбираем структуру заявки, бюджет и критерии оценки экспертов на примерах.",
    approvalRequired: false,
    speakerAccountIds: [],
    startsAt: moscow(now + 72 * HOUR),
    endsAt: moscow(now + 74 * HOUR),
    onlineUrl: "https://meet.example.org/bench",
    capacityOnline: SEATS,
    speakers: [],
    spheres: [],
    questions: [],
  });

  // 50 connections, each taking the next person until all 1,000 have pressed the button.
  const latencies: number[] = [];
  const statuses = new Map<string, number>();
  let next = 0;
  counting = true;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < cookies.length) {
        const cookie = cookies[next++] as string;
        const sent = performance.now();
        const response = await fetch(`${portal.url}/api/events/${event.id}/registration`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: portal.url, cookie },
          body: "{}",
        });
        const body = (await response.json()) as { status?: string; error?: { code: string } };
        latencies.push(performance.now() - sent);
        const outcome = response.ok ? (body.status ?? "?") : `${response.status} ${body.error?.code}`;
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  counting = false;
  latencies.sort((a, b) => a - b);
  const { data: rows } = await db()
    .entities.eventRegistration.query.byEvent({ eventId: event.id })
    .go({ pages: "all" });
  const confirmed = rows.filter((row) => row.status === "confirmed").length;
  const waiting = rows.filter((row) => row.status === "waiting").length;
  const { data: counters } = await db().entities.event.get({ id: event.id }).go({ consistent: true });
  console.log(
    `POST /api/events/{id}/registration: ${PEOPLE} people, ${SEATS} seats, ${CONNECTIONS} connections, ${seconds.toFixed(1)} s`,
  );
  console.log(
    `  latency p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`,
  );
  console.log(`  answers: ${[...statuses].map(([outcome, count]) => `${outcome} ${count}`).join(", ")}`);
  console.log(
    `  stored: ${confirmed} confirmed, ${waiting} waitlisted, ${Math.max(0, confirmed - SEATS)} oversold; counters taken ${counters?.takenOnline}, waiting ${counters?.waiting}`,
  );
  const total = [...requests.values()].reduce((sum, count) => sum + count, 0);
  console.log(
    `  DynamoDB requests per registration: ${(total / PEOPLE).toFixed(1)} (${[...requests]
      .map(([command, count]) => `${command.replace("Command", "")} ${(count / PEOPLE).toFixed(2)}`)
      .join(", ")})`,
  );

  // The calendar: 300 published events over the coming year, of every kind and place.
  const created = Array.from({ length: CALENDAR_EVENTS }, (_, index) => {
    const startsAt = now + (index + 1) * 29 * HOUR;
    const online = random() < 0.4;
    return {
      id: ulid(now + index),
      status: "published" as const,
      kind: pick(eventKindIds),
      format: online ? ("online" as const) : ("in_person" as const),
      title: `Мероприятие ${index}`,
      description: "Описание мероприятия для проверки календаря.",
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * HOUR).toISOString(),
      municipality: online ? undefined : pick(municipalityIds),
      address: online ? undefined : "ул. Ленина, 1",
      registrationOpensAt: new Date(now).toISOString(),
      registrationClosesAt: new Date(startsAt).toISOString(),
      organiserAccountId: organiser.id,
      organiserName: organiser.name,
    };
  });
  await putAll((items) => db().entities.event.put(items).go({ concurrency: 8 }), created);
  console.log(`\nCalendar page of 20 among ${CALENDAR_EVENTS + 1} events (ReturnConsumedCapacity: TOTAL)`);
  for (const [label, path] of [
    ["upcoming", "/api/events"],
    ["upcoming webinars", "/api/events?kind=webinar"],
    ["past", "/api/events?when=past"],
  ] as const) {
    const list = await reads(() => fetch(`${portal.url}${path}`).then((response) => response.json()));
    const rcu = list.reduce((sum, read) => sum + (read.capacity ?? 0), 0);
    console.log(`  ${label}: ${rcu} RCU — ${describeReads(list)}`);
  }
} finally {
  await portal.stop();
}
