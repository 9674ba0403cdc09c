import { completeInn, completeOgrn } from "@cluster/core/identifiers";
import type { Application } from "@cluster/core/member/schema";
import * as Clock from "@cluster/core/shared/clock";
import { moscowToday } from "@cluster/core/shared/dates";

let serial = 0;

/**
 * A valid INN/OGRN pair no other test uses (the cluster accepts each INN once): test files run
 * in separate processes, and within one the clock plus a counter never repeats.
 */
export function registration() {
  const process3 = String(process.pid % 1000).padStart(3, "0");
  const unique5 = String((Date.now() + ++serial) % 100_000).padStart(5, "0");
  const n = `${process3}${unique5}`;
  return { inn: completeInn(`7${n}`), ogrn: completeOgrn(`1027${n}`) };
}

export function application(overrides: Partial<Record<keyof Application, unknown>> = {}) {
  const base = {
    kind: "ngo",
    name: `АНО «Проверка ${process.pid}-${Date.now().toString(36)}-${++serial}»`,
    shortName: "Проверка",
    ...registration(),
    spheres: ["social-services"],
    municipality: "kaluga",
    description: "Помогаем пожилым людям Калуги: доставка продуктов и лекарств.",
    website: "dobro.example",
    contacts: {
      email: { value: "hello@dobro.example", public: true },
      phone: { value: "8 (4842) 22-33-44", public: false },
    },
  };
  return { ...base, ...overrides } as typeof base & Record<string, unknown>;
}

/** A signed-in representative of an approved organisation. */
export async function approvedMember(overrides: Partial<Record<keyof Application, unknown>> = {}) {
  const { asCoordinator, signedIn } = await import("./client");
  const client = await signedIn();
  const { json: organisation } = await client.post("/api/members", application(overrides));
  await (await asCoordinator()).post(`/api/members/${organisation.id}/approve`, { version: 1 });
  return Object.assign(client, { organisationId: organisation.id as string });
}

/** A Moscow date relative to the portal's today, so tests keep working whenever they run. */
export const daysFromNow = (days: number) => moscowToday(new Date(Clock.nowMs() + days * 86_400_000));

export const listing = (overrides: Record<string, unknown> = {}) => ({
  kind: "offer",
  category: "premises",
  title: "Зал на 40 человек для встреч",
  description: "Светлый зал в центре Калуги с проектором, по будням после 18:00.",
  place: "kaluga",
  quantity: 1,
  availableFrom: daysFromNow(3),
  availableTo: daysFromNow(90),
  ...overrides,
});

/** A Moscow clock time `hours` from now, as the form's datetime-local field sends it. */
export const moscowIn = (hours: number) =>
  new Date(Clock.nowMs() + (hours + 3) * 3_600_000).toISOString().slice(0, 16);

export const webinar = (overrides: Record<string, unknown> = {}) => ({
  kind: "webinar",
  format: "online",
  title: `Вебинар о грантах ${Date.now().toString(36)}`,
  description: "Разбираем заявку в Фонд президентских грантов: от идеи до бюджета, с ответами на вопросы.",
  startsAt: moscowIn(72),
  endsAt: moscowIn(74),
  onlineUrl: "https://meet.example.org/grants-webinar",
  topic: "grants",
  capacityOnline: 2,
  questions: [
    { kind: "choice", label: "Подавали ли вы заявки раньше?", options: ["Да", "Нет"], required: true },
  ],
  ...overrides,
});

/**
 * Moves a published event to have begun at `instant` and ended an hour later, as time would have:
 * writing the table, because the portal under test runs in its own process and its clock cannot
 * be moved from here.
 */
export async function beganAt(id: string, instant: Date) {
  const { db } = await import("@cluster/core/event/store");
  const { data } = await db().entities.event.get({ id }).go();
  const hour = 3_600_000;
  const startsAt = instant.toISOString();
  await db()
    .entities.event.patch({ id })
    .set({
      startsAt,
      endsAt: new Date(instant.getTime() + hour).toISOString(),
      registrationOpensAt: new Date(instant.getTime() - hour).toISOString(),
      registrationClosesAt: startsAt,
    })
    .composite({ status: data!.status, organiserAccountId: data!.organiserAccountId })
    .go();
}

export const beganAnHourAgo = (id: string) => beganAt(id, new Date(Clock.nowMs() - 3_600_000));

/** A signed-in person a coordinator has made an expert of the topic. */
export async function anExpert(name = `Эксперт Проверочный ${Date.now().toString(36)}`, topic = "grants") {
  const { asCoordinator, signedIn } = await import("./client");
  const { db } = await import("@cluster/core/db/service");
  const expert = await signedIn(undefined, name);
  const accountId = (await expert.get("/api/auth/session")).json.account.id as string;
  const { data: account } = await db().entities.account.get({ id: accountId }).go();
  const granted = await (await asCoordinator()).put(`/api/accounts/${accountId}/roles`, {
    roles: ["expert"],
    expertTopics: [topic],
    version: account!.version,
  });
  if (granted.status !== 200) throw new Error(`expert role refused: ${JSON.stringify(granted.json)}`);
  return Object.assign(expert, { accountId, name });
}
