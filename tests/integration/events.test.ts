import type { Person } from "@cluster/core/actor";
import * as Clock from "@cluster/core/shared/clock";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { tinyPng } from "../fixtures/images";
import { asCoordinator, Client, mailTo, portalUrl, signedIn } from "./client";
import { approvedMember, beganAnHourAgo, moscowIn, webinar } from "./fixtures";

const HOUR = 3600_000;

// This file's own DynamoDB client (each test file imports the core afresh) meets a burst of 200
// registrations at once: DynamoDB Local, sharing two cores with the other test files, accepts that
// many new connections slower than the production second.
process.env.DYNAMODB_CONNECT_TIMEOUT_MS = "5000";

/** The events of an iCalendar text, as ical.js (an independent parser) reads them. */
function calendarEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return {
    method: calendar.getFirstPropertyValue("method"),
    events: calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        start: event.startDate.toJSDate().toISOString(),
        status: component.getFirstPropertyValue("status"),
        attendee: component.getFirstPropertyValue("attendee"),
      };
    }),
  };
}

interface StoredEmail {
  destination: { to: string[] };
  subject: string;
  attachments: { filename?: string; contentType: string; content: string }[];
}

/** The invite.ics of the newest letter with this subject, decoded. */
async function invitation(email: string, subject: string) {
  const { inject } = await import("vitest");
  const { emails } = (await (await fetch(`${inject("sesUrl")}/store`)).json()) as { emails: StoredEmail[] };
  const letter = emails
    .filter((mail) => mail.destination.to.includes(email) && mail.subject.startsWith(subject))
    .at(-1);
  const file = letter?.attachments.find((attachment) => attachment.filename === "invite.ics");
  if (!file) throw new Error(`no invite.ics in «${subject}» to ${email}`);
  return { contentType: file.contentType, text: Buffer.from(file.content, "base64").toString("utf8") };
}

const answer = { answers: [{ questionId: "q1", value: "Нет" }] };
const subjects = async (email: string) => (await mailTo(email)).map((mail) => mail.subject);

async function publishedEvent(overrides: Record<string, unknown> = {}) {
  const coordinator = await asCoordinator();
  const created = await coordinator.post("/api/events", webinar(overrides));
  if (created.status !== 201) throw new Error(JSON.stringify(created.json));
  return created.json;
}

describe("events", () => {
  it("fill their seats, put the rest on a waitlist and offer a freed seat to the next in line", async () => {
    const event = await publishedEvent();
    expect(event).toMatchObject({ status: "published", seats: { online: { capacity: 2, taken: 0 } } });

    const guest = new Client();
    const listed = await guest.get("/api/events?kind=webinar&topic=grants&limit=100");
    expect(listed.json.items.map((item: { id: string }) => item.id)).toContain(event.id);
    const seen = await guest.get(`/api/events/${event.id}`);
    expect(seen.status).toBe(200);
    expect(seen.json.onlineUrl).toBeUndefined();
    expect(JSON.stringify(listed.json)).not.toContain("meet.example.org");

    const [first, second, third] = await Promise.all([signedIn(), signedIn(), signedIn()]);
    const one = await first!.post(`/api/events/${event.id}/registration`, answer);
    const two = await second!.post(`/api/events/${event.id}/registration`, answer);
    const three = await third!.post(`/api/events/${event.id}/registration`, answer);
    expect([one.status, two.status, three.status]).toEqual([201, 201, 201]);
    expect([one.json.status, two.json.status, three.json.status]).toEqual([
      "confirmed",
      "confirmed",
      "waiting",
    ]);
    expect(three.json.waitlistPosition).toBe(1);

    expect((await first!.get(`/api/events/${event.id}`)).json.onlineUrl).toBe(
      "https://meet.example.org/grants-webinar",
    );
    expect((await third!.get(`/api/events/${event.id}`)).json.onlineUrl).toBeUndefined();
    const mails = await mailTo(first!.email);
    expect(mails.find((mail) => mail.subject.startsWith("Вы зарегистрированы"))?.body.text).toContain(
      "meet.example.org/grants-webinar",
    );
    expect((await mailTo(third!.email)).map((mail) => mail.body.text ?? "").join()).not.toContain(
      "meet.example.org",
    );

    const again = await first!.post(`/api/events/${event.id}/registration`, answer);
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("already_registered");

    const cancelled = await first!.post(`/api/events/${event.id}/registration/cancel`, {
      version: one.json.version,
    });
    expect(cancelled.status).toBe(200);
    expect(await subjects(third!.email)).toContain(`Освободилось место: «${event.title}»`);
    const offered = (await third!.get(`/api/events/${event.id}`)).json;
    expect(offered.myRegistration).toMatchObject({ status: "offered" });
    expect(Date.parse(offered.myRegistration.offerExpiresAt) - Clock.nowMs()).toBeLessThanOrEqual(24 * HOUR);
    expect(offered.seats.online).toEqual({ capacity: 2, taken: 2 });
    expect(offered.waiting).toBe(0);

    const confirmed = await third!.post(`/api/events/${event.id}/registration/confirm`, {
      version: offered.myRegistration.version,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json.status).toBe("confirmed");
    expect((await third!.get(`/api/events/${event.id}`)).json.onlineUrl).toBe(
      "https://meet.example.org/grants-webinar",
    );
    const mine = await third!.get("/api/events/registrations/mine");
    expect(mine.json.items).toEqual([
      {
        registration: expect.objectContaining({ eventId: event.id, status: "confirmed" }),
        event: expect.objectContaining({ id: event.id, title: event.title }),
      },
    ]);
  });

  it("send an invitation and its cancellation as iCalendar, and list events in the public and personal feeds", async () => {
    const event = await publishedEvent({ questions: [], onlineUrl: "https://meet.example.org/ical-check" });
    const person = await signedIn();
    const registered = await person.post(`/api/events/${event.id}/registration`, {});
    const invite = await invitation(person.email, "Вы зарегистрированы");
    expect(invite.contentType).toContain("method=REQUEST");
    const sent = calendarEvents(invite.text);
    expect(sent.method).toBe("REQUEST");
    expect(sent.events).toEqual([
      expect.objectContaining({
        summary: event.title,
        start: event.startsAt,
        status: "CONFIRMED",
        attendee: `mailto:${person.email}`,
      }),
    ]);
    expect(sent.events[0]?.description).toContain("https://meet.example.org/ical-check");

    const feed = await fetch(`${portalUrl()}/api/events/calendar.ics`);
    expect(feed.headers.get("content-type")).toMatch(/^text\/calendar/);
    const published = await feed.text();
    expect(calendarEvents(published).events.map((item) => item.uid)).toContain(sent.events[0]?.uid);
    expect(published).not.toContain("meet.example.org");
    const single = await (await fetch(`${portalUrl()}/api/events/${event.id}/calendar.ics`)).text();
    expect(calendarEvents(single).events).toEqual([expect.objectContaining({ uid: sent.events[0]?.uid })]);
    expect(single).not.toContain("ical-check");

    const { json: first } = await person.post("/api/events/feed");
    expect(first.webcal).toMatch(/^webcal:\/\//);
    const mine = await (await fetch(first.url)).text();
    const listed = calendarEvents(mine).events.find((item) => item.uid === sent.events[0]?.uid);
    expect(listed?.description).toContain("https://meet.example.org/ical-check");
    const { json: second } = await person.post("/api/events/feed");
    expect((await fetch(first.url)).status).toBe(404);
    expect((await fetch(second.url)).status).toBe(200);

    await person.post(`/api/events/${event.id}/registration/cancel`, { version: registered.json.version });
    const cancelled = calendarEvents((await invitation(person.email, "Регистрация отменена")).text);
    expect(cancelled.method).toBe("CANCEL");
    expect(cancelled.events).toEqual([
      expect.objectContaining({ uid: sent.events[0]?.uid, status: "CANCELLED" }),
    ]);
    const after = calendarEvents(await (await fetch(second.url)).text()).events;
    expect(after.map((item) => item.uid)).not.toContain(sent.events[0]?.uid);
  });

  it("remind confirmed participants the day and the hour before, once each however often the job runs", async () => {
    const { sendReminders } = await import("@cluster/core/event/reminders");
    const event = await publishedEvent({ questions: [], startsAt: moscowIn(30), endsAt: moscowIn(32) });
    const [staying, leaving] = await Promise.all([signedIn(), signedIn()]);
    await staying!.post(`/api/events/${event.id}/registration`, {});
    const left = await leaving!.post(`/api/events/${event.id}/registration`, {});
    await leaving!.post(`/api/events/${event.id}/registration/cancel`, { version: left.json.version });
    const start = Date.parse(event.startsAt);
    const reminders = async (email: string) =>
      (await subjects(email)).filter((subject) => /^(Завтра|Через час):/.test(subject));

    await sendReminders(new Date(start - 25 * HOUR));
    expect(await reminders(staying!.email)).toEqual([]);
    await Promise.all([
      sendReminders(new Date(start - 23 * HOUR)),
      sendReminders(new Date(start - 23 * HOUR)),
    ]);
    await sendReminders(new Date(start - 22 * HOUR));
    expect(await reminders(staying!.email)).toEqual([`Завтра: «${event.title}»`]);
    await sendReminders(new Date(start - 50 * 60_000));
    await sendReminders(new Date(start - 35 * 60_000));
    expect(await reminders(staying!.email)).toEqual([
      `Завтра: «${event.title}»`,
      `Через час: «${event.title}»`,
    ]);
    const hourLetter = (await mailTo(staying!.email)).find((mail) => mail.subject.startsWith("Через час"));
    expect(hourLetter?.body.text).toContain("meet.example.org/grants-webinar");
    expect(await reminders(leaving!.email)).toEqual([]);
  });

  it("tell registrants of a change and a cancellation, each once, and give added seats to the waitlist", async () => {
    const { announcePending } = await import("@cluster/core/event/changes");
    const coordinator = await asCoordinator();
    const event = await publishedEvent({ capacityOnline: 1, questions: [] });
    const [holder, waiter] = await Promise.all([signedIn(), signedIn()]);
    await holder!.post(`/api/events/${event.id}/registration`, {});
    await waiter!.post(`/api/events/${event.id}/registration`, {});

    const moved = webinar({ capacityOnline: 2, questions: [], startsAt: moscowIn(96), endsAt: moscowIn(98) });
    const changed = await coordinator.put(`/api/events/${event.id}`, {
      ...moved,
      title: event.title,
      version: event.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ seats: { online: { capacity: 2, taken: 2 } }, waiting: 0 });
    expect((await waiter!.get(`/api/events/${event.id}`)).json.myRegistration.status).toBe("offered");
    const update = calendarEvents((await invitation(holder!.email, "Изменения")).text);
    expect(update.method).toBe("REQUEST");
    expect(update.events[0]?.start).toBe(changed.json.startsAt);
    await announcePending();
    await announcePending();
    expect((await subjects(holder!.email)).filter((subject) => subject.startsWith("Изменения"))).toHaveLength(
      1,
    );

    const tooSmall = await coordinator.put(`/api/events/${event.id}`, {
      ...moved,
      capacityOnline: 1,
      version: changed.json.version,
    });
    expect(tooSmall.status).toBe(422);
    expect(tooSmall.json.error.fields).toEqual({ capacityOnline: "Уже занято мест: 2" });
    const stale = await coordinator.put(`/api/events/${event.id}`, { ...moved, version: event.version });
    expect(stale.json.error.code).toBe("stale");

    const cancelled = await coordinator.post(`/api/events/${event.id}/cancel`, {
      reason: "Спикер заболел, назначим новую дату",
      version: changed.json.version,
    });
    expect(cancelled.json.status).toBe("cancelled");
    const called = calendarEvents((await invitation(holder!.email, "Мероприятие отменено")).text);
    expect(called).toMatchObject({
      method: "CANCEL",
      events: [expect.objectContaining({ status: "CANCELLED" })],
    });
    expect(
      (await mailTo(waiter!.email)).find((mail) => mail.subject.startsWith("Мероприятие отменено"))?.body
        .text,
    ).toContain("Спикер заболел");
    const late = await signedIn();
    expect((await late.post(`/api/events/${event.id}/registration`, {})).json.error.code).toBe(
      "registration_closed",
    );
    const again = await coordinator.put(`/api/events/${event.id}`, {
      ...moved,
      version: cancelled.json.version,
    });
    expect(again.json.error.code).toBe("cancelled");
    const listed = await new Client().get("/api/events?limit=100");
    expect(listed.json.items.map((item: { id: string }) => item.id)).not.toContain(event.id);
  });

  it("give the organiser the list, its CSV and XLSX, a letter to the participants and check-in by ticket", async () => {
    const coordinator = await asCoordinator();
    const event = await publishedEvent({ capacityOnline: 1 });
    const other = await publishedEvent({ questions: [] });
    const [coming, waiting] = await Promise.all([signedIn(), signedIn()]);
    await coming!.post(`/api/events/${event.id}/registration`, {
      answers: [{ questionId: "q1", value: "Да" }],
    });
    await waiting!.post(`/api/events/${event.id}/registration`, answer);
    const elsewhere = await coming!.post(`/api/events/${other.id}/registration`, {});

    const list = await coordinator.get(`/api/events/${event.id}/participants`);
    expect(list.json.items.map((item: { status: string }) => item.status)).toEqual(["confirmed", "waiting"]);
    expect(list.json.items[0]).toMatchObject({
      email: coming!.email,
      answers: [{ questionId: "q1", value: "Да" }],
    });

    const csv = await fetch(`${portalUrl()}/api/events/${event.id}/participants/file?format=csv`, {
      headers: { cookie: coordinator.cookie },
    });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(
      "Имя;Эл. почта;Организация;Участие;Статус;Зарегистрирован (мск);Пришёл (мск);Подавали ли вы заявки раньше?",
    );
    expect(text).toContain(`${coming!.email};;онлайн;Зарегистрирован`);
    const xlsx = await fetch(`${portalUrl()}/api/events/${event.id}/participants/file?format=xlsx`, {
      headers: { cookie: coordinator.cookie },
    });
    expect(xlsx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(new TextDecoder().decode(new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2))).toBe("PK");

    const sent = await coordinator.post(`/api/events/${event.id}/participants/message`, {
      to: "confirmed",
      subject: "Как подключиться",
      text: "Подключайтесь за десять минут до начала, проверьте звук.",
    });
    expect(sent.json).toEqual({ sent: 1 });
    expect(await subjects(coming!.email)).toContain(`Как подключиться — «${event.title}»`);
    expect(await subjects(waiting!.email)).not.toContain(`Как подключиться — «${event.title}»`);

    const ticket = (await coming!.get(`/api/events/${event.id}`)).json.myRegistration.ticket as string;
    expect(ticket).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const letter = (await mailTo(coming!.email)).find((mail) =>
      mail.subject.startsWith("Вы зарегистрированы"),
    );
    expect(letter?.body.text).toContain(`Код билета: ${ticket}`);
    const wrongEvent = await coordinator.post(`/api/events/${event.id}/check-in`, {
      ticket: (await coming!.get(`/api/events/${other.id}`)).json.myRegistration.ticket,
    });
    expect(wrongEvent.status).toBe(422);
    expect(wrongEvent.json.error.fields).toEqual({ ticket: "Такого билета нет у этого мероприятия" });
    const checked = await coordinator.post(`/api/events/${event.id}/check-in`, {
      ticket: ticket.toLowerCase(),
    });
    expect(checked.status).toBe(200);
    expect(checked.json.checkedInAt).toEqual(expect.any(String));
    const twice = await coordinator.post(`/api/events/${event.id}/check-in`, { ticket });
    expect(twice.json.error.code).toBe("already_checked_in");
    const waitingId = list.json.items[1].accountId;
    const notConfirmed = await coordinator.post(`/api/events/${event.id}/check-in`, { accountId: waitingId });
    expect(notConfirmed.json.error.code).toBe("not_confirmed");
    expect(elsewhere.json.status).toBe("confirmed");
    expect((await coming!.get(`/api/events/${event.id}/participants`)).status).toBe(403);
  });

  it("are found by the portal-wide search in any word form once published, and no longer once cancelled", async () => {
    const coordinator = await asCoordinator();
    const word = `Вязание${Date.now().toString(36).replace(/\d/g, "")}`;
    const event = await publishedEvent({
      questions: [],
      title: `Мастер-класс: ${word.toLowerCase()} для волонтёров`,
      speakers: ["Мария Спицына, мастер"],
    });
    const member = await approvedMember();
    const proposed = await member.post(
      "/api/events",
      webinar({ organisationId: member.organisationId, title: `Предложение: ${word}` }),
    );
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

    const everywhere = await new Client().get(`/api/search?q=${encodeURIComponent(`${word} спицыной`)}`);
    expect(ids(everywhere.json.events)).toEqual([event.id]);
    const calendar = await new Client().get(`/api/events?q=${encodeURIComponent(word)}`);
    expect(ids(calendar.json)).toEqual([event.id]);
    expect(ids(calendar.json)).not.toContain(proposed.json.id);
    expect(calendar.json.items[0]).toMatchObject({ title: event.title, seats: { online: { capacity: 2 } } });
    expect(
      ids((await new Client().get(`/api/events?q=${encodeURIComponent(word)}&kind=meeting`)).json),
    ).toEqual([]);

    await coordinator.post(`/api/events/${event.id}/cancel`, {
      reason: "Мастер заболела",
      version: event.version,
    });
    expect(ids((await new Client().get(`/api/events?q=${encodeURIComponent(word)}`)).json)).toEqual([]);
  });

  it("give exactly 50 seats to 200 simultaneous registrations and put 150 on the waitlist", async () => {
    const { register } = await import("@cluster/core/event/registrations");
    const { db } = await import("@cluster/core/db/service");
    const event = await publishedEvent({ capacityOnline: 50, questions: [] });
    const people: Person[] = Array.from({ length: 200 }, (_, index) => ({
      type: "person",
      accountId: `01RUSH${String(index).padStart(20, "0")}`,
      email: `rush.${index}.${event.id}@test.example`,
      name: `Участник ${index}`,
      roles: [],
    }));
    const results = await Promise.all(people.map((person) => register(person, event.id, { answers: [] })));
    const statuses = results.map((result) => result.status);
    expect(statuses.filter((status) => status === "confirmed")).toHaveLength(50);
    expect(statuses.filter((status) => status === "waiting")).toHaveLength(150);

    const { data: rows } = await db()
      .entities.eventRegistration.query.byEvent({ eventId: event.id })
      .go({ pages: "all" });
    expect(rows.filter((row) => row.status === "confirmed")).toHaveLength(50);
    expect(rows.filter((row) => row.status === "waiting")).toHaveLength(150);
    const { data: counted } = await db().entities.event.get({ id: event.id }).go({ consistent: true });
    expect(counted).toMatchObject({ takenOnline: 50, waiting: 150 });
    // Waitlist positions are 1…150 with no gaps or repeats.
    const waiting = results.filter((result) => result.status === "waiting");
    const { registrationView } = await import("@cluster/core/event/events");
    const positions = await Promise.all(
      rows
        .filter((row) => row.status === "waiting")
        .map(async (row) => (await registrationView(row, false)).waitlistPosition),
    );
    expect(waiting).toHaveLength(150);
    expect(new Set(positions).size).toBe(150);
    expect(Math.max(...(positions as number[]))).toBe(150);
  }, 120_000);

  it("pass an offer not taken in time to the next in line, once however often the job runs", async () => {
    const { passLapsedOffers } = await import("@cluster/core/event/registrations");
    const event = await publishedEvent({ capacityOnline: 1, questions: [] });
    const [holder, next, after] = await Promise.all([signedIn(), signedIn(), signedIn()]);
    const held = await holder!.post(`/api/events/${event.id}/registration`, {});
    await next!.post(`/api/events/${event.id}/registration`, {});
    await after!.post(`/api/events/${event.id}/registration`, {});
    await holder!.post(`/api/events/${event.id}/registration/cancel`, { version: held.json.version });
    expect((await next!.get(`/api/events/${event.id}`)).json.myRegistration.status).toBe("offered");
    expect((await after!.get(`/api/events/${event.id}`)).json.myRegistration).toMatchObject({
      status: "waiting",
      waitlistPosition: 1,
    });

    const lapsed = new Date(Clock.nowMs() + 25 * HOUR);
    await passLapsedOffers(lapsed);
    await passLapsedOffers(lapsed);
    expect((await next!.get(`/api/events/${event.id}`)).json.myRegistration).toBeUndefined();
    expect(await subjects(next!.email)).toContain(`Место передано следующему: «${event.title}»`);
    const passed = (await after!.get(`/api/events/${event.id}`)).json;
    expect(passed.myRegistration.status).toBe("offered");
    expect(
      (await subjects(after!.email)).filter((subject) => subject.startsWith("Освободилось место")),
    ).toHaveLength(1);
    expect(passed.seats.online).toEqual({ capacity: 1, taken: 1 });

    // The last in line lets it lapse too, with nobody behind: the seat is free again.
    await passLapsedOffers(new Date(Clock.nowMs() + 50 * HOUR));
    const free = (await holder!.get(`/api/events/${event.id}`)).json;
    expect(free.seats.online).toEqual({ capacity: 1, taken: 0 });
    expect(free.waiting).toBe(0);
  });

  it("offer a seat freed two hours before the start to nobody: it is simply free again", async () => {
    const { offerUntil } = await import("@cluster/core/event/registrations");
    const now = new Date("2026-12-10T10:00:00Z");
    expect(offerUntil({ startsAt: "2026-12-10T11:30:00Z" }, now)).toBeUndefined();
    expect(offerUntil({ startsAt: "2026-12-10T20:00:00Z" }, now)).toBe("2026-12-10T18:00:00.000Z");
    expect(offerUntil({ startsAt: "2026-12-20T20:00:00Z" }, now)).toBe("2026-12-11T10:00:00.000Z");
  });

  it("refuse impossible events with a message on each field, and store none of them", async () => {
    const coordinator = await asCoordinator();
    const before = (await coordinator.get("/api/events?limit=100")).json.items.length;
    const refused = await coordinator.post(
      "/api/events",
      webinar({
        startsAt: moscowIn(50),
        endsAt: moscowIn(49),
        registrationClosesAt: moscowIn(51),
        capacityOnline: 0,
        questions: [{ kind: "choice", label: "Ваш вариант?", options: ["Один"] }],
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toMatchObject({
      endsAt: "Окончание должно быть позже начала",
      registrationClosesAt: "Регистрация должна закрыться до начала",
      capacityOnline: expect.stringContaining("больше нуля"),
      "questions.0.options": "У вопроса с выбором — не меньше двух вариантов",
    });
    const past = await coordinator.post(
      "/api/events",
      webinar({ startsAt: moscowIn(-2), endsAt: moscowIn(-1) }),
    );
    expect(past.status).toBe(422);
    expect(past.json.error.fields).toEqual({ startsAt: "Это время уже прошло" });
    const inPerson = await coordinator.post(
      "/api/events",
      webinar({ format: "in_person", capacityOnline: undefined }),
    );
    expect(inPerson.json.error.fields).toMatchObject({
      municipality: "Выберите муниципалитет",
      address: "Укажите адрес",
    });
    expect((await coordinator.get("/api/events?limit=100")).json.items.length).toBe(before);
  });

  it("refuse registrations that cannot be: unknown answers, a missing required one, a closed registration", async () => {
    const event = await publishedEvent();
    const person = await signedIn();
    const unknown = await person.post(`/api/events/${event.id}/registration`, {
      answers: [{ questionId: "q9", value: "Да" }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields).toMatchObject({
      "answers.0.questionId": "У мероприятия нет такого вопроса",
      "question.q1": "Ответьте на этот вопрос",
    });
    const wrongChoice = await person.post(`/api/events/${event.id}/registration`, {
      answers: [{ questionId: "q1", value: "Может быть" }],
    });
    expect(wrongChoice.json.error.fields).toEqual({ "answers.0.value": "Выберите один из вариантов" });
    expect((await person.get(`/api/events/${event.id}`)).json.myRegistration).toBeUndefined();

    const closed = await publishedEvent({
      registrationOpensAt: moscowIn(30),
      registrationClosesAt: moscowIn(40),
    });
    const early = await person.post(`/api/events/${closed.id}/registration`, answer);
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("registration_not_open");
    const late = await Clock.at(new Date(Clock.nowMs() + 41 * HOUR), () =>
      import("@cluster/core/event/registrations").then(({ register }) =>
        register(
          {
            type: "person",
            accountId: "01LATE0000000000000000000",
            email: "late@test.example",
            name: "Поздний",
            roles: [],
          },
          closed.id,
          answer,
        ).catch((error) => error),
      ),
    );
    expect(late.code).toBe("registration_closed");
  });

  it("let an approved member propose an event, which stays off the calendar until a coordinator publishes it", async () => {
    const member = await approvedMember();
    const proposed = await member.post("/api/events", webinar({ organisationId: member.organisationId }));
    expect(proposed.status).toBe(201);
    expect(proposed.json).toMatchObject({ status: "proposed", organiser: expect.any(String) });
    expect((await new Client().get(`/api/events/${proposed.json.id}`)).status).toBe(404);
    const listed = await new Client().get("/api/events?limit=100");
    expect(listed.json.items.map((item: { id: string }) => item.id)).not.toContain(proposed.json.id);

    const coordinator = await asCoordinator();
    const queue = await coordinator.get("/api/events/proposals");
    expect(queue.json.items.map((item: { id: string }) => item.id)).toContain(proposed.json.id);
    const returned = await coordinator.post(`/api/events/${proposed.json.id}/return`, {
      reason: "Добавьте, для кого вебинар и кто выступает",
      version: proposed.json.version,
    });
    expect(returned.json.status).toBe("returned");
    expect(await subjects(member.email)).toContain(
      `Мероприятие возвращено на доработку: «${proposed.json.title}»`,
    );
    const seen = (await member.get(`/api/events/${proposed.json.id}`)).json;
    expect(seen.returnReason).toBe("Добавьте, для кого вебинар и кто выступает");
    const corrected = await member.put(`/api/events/${proposed.json.id}`, {
      ...webinar({ title: proposed.json.title }),
      audience: "Руководители НКО",
      speakers: ["Ирина Грантова"],
      version: seen.version,
    });
    expect(corrected.json.status).toBe("proposed");
    const published = await coordinator.post(`/api/events/${proposed.json.id}/publish`, {
      version: corrected.json.version,
    });
    expect(published.json.status).toBe("published");
    expect(await subjects(member.email)).toContain(`Мероприятие опубликовано: «${proposed.json.title}»`);
    expect((await new Client().get(`/api/events/${proposed.json.id}`)).status).toBe(200);
    const twice = await coordinator.post(`/api/events/${proposed.json.id}/publish`, {
      version: published.json.version,
    });
    expect(twice.json.error.code).toBe("not_proposed");

    const privatePerson = await signedIn();
    const refused = await privatePerson.post("/api/events", webinar());
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain("участник кластера");
  });

  it("after the event: the outcome, feedback once per attendee, and a certificate whose code anyone can check", async () => {
    const coordinator = await asCoordinator();
    const event = await publishedEvent({ capacityOnline: 5, questions: [] });
    const [attendee, other, absent] = await Promise.all([
      signedIn(undefined, "Ёлкина Юлия Щедровна"),
      signedIn(),
      signedIn(),
    ]);
    for (const person of [attendee, other, absent]) {
      expect((await person.post(`/api/events/${event.id}/registration`, {})).status).toBe(201);
    }
    const early = await coordinator.put(`/api/events/${event.id}/outcome`, {
      materials: [],
      version: event.version,
    });
    expect(early.status).toBe(422);
    expect(early.json.error.fields).toEqual({ summary: "Итоги можно подвести, когда мероприятие начнётся" });
    for (const person of [attendee, other]) {
      const { ticket } = (await person.get(`/api/events/${event.id}`)).json.myRegistration;
      expect((await coordinator.post(`/api/events/${event.id}/check-in`, { ticket })).status).toBe(200);
    }
    await beganAnHourAgo(event.id);
    const tooSoon = await attendee.post(`/api/events/${event.id}/feedback`, { rating: 5 });
    expect(tooSoon.json.error.code).toBe("not_held");
    const noCertificate = await attendee.get(`/api/events/${event.id}/certificate`);
    expect(noCertificate.json.error.code).toBe("not_held");

    const badMaterial = await coordinator.put(`/api/events/${event.id}/outcome`, {
      materials: [{ kind: "recording", title: "", url: "not a url" }],
      version: event.version,
    });
    expect(badMaterial.status).toBe(422);
    expect(badMaterial.json.error.fields).toMatchObject({
      "materials.0.title": expect.stringContaining("название материала"),
      "materials.0.url": "Неверный адрес сайта",
    });
    const recorded = await coordinator.put(`/api/events/${event.id}/outcome`, {
      summary: "Разобрали бюджет заявки и ответили на 12 вопросов.",
      materials: [{ kind: "recording", title: "Запись вебинара", url: "video.example.org/budget" }],
      version: event.version,
    });
    expect(recorded.status).toBe(200);
    expect(recorded.json.heldAt).toBeDefined();
    expect(recorded.json.materials).toEqual([
      { kind: "recording", title: "Запись вебинара", url: "https://video.example.org/budget" },
    ]);
    // The two attendees are asked for feedback, once however often the job runs; the absent one is not.
    const { askFeedbackPending } = await import("@cluster/core/event/outcome");
    await askFeedbackPending();
    await askFeedbackPending();
    const asked = `Как прошло «${event.title}»? Оцените`;
    for (const person of [attendee, other]) {
      expect((await subjects(person.email)).filter((subject) => subject === asked)).toHaveLength(1);
    }
    expect(await subjects(absent.email)).not.toContain(asked);

    const badRating = await attendee.post(`/api/events/${event.id}/feedback`, { rating: 7 });
    expect(badRating.status).toBe(422);
    expect(badRating.json.error.fields).toEqual({ rating: "Поставьте оценку от 1 до 5" });
    const given = await attendee.post(`/api/events/${event.id}/feedback`, {
      rating: 5,
      comment: "Наконец понятно, как считать софинансирование",
    });
    expect(given.status).toBe(201);
    expect(given.json.myRegistration.feedback).toEqual({
      rating: 5,
      comment: "Наконец понятно, как считать софинансирование",
    });
    expect(given.json.may.giveFeedback).toBe(false);
    const twice = await Promise.all([
      attendee.post(`/api/events/${event.id}/feedback`, { rating: 1 }),
      attendee.post(`/api/events/${event.id}/feedback`, { rating: 1 }),
    ]);
    expect(twice.map((answer) => answer.json.error.code)).toEqual(["feedback_given", "feedback_given"]);
    expect((await other.post(`/api/events/${event.id}/feedback`, { rating: 3 })).status).toBe(201);
    expect((await absent.post(`/api/events/${event.id}/feedback`, { rating: 1 })).status).toBe(403);

    const results = await coordinator.get(`/api/events/${event.id}/feedback`);
    expect(results.json).toEqual({
      count: 2,
      average: 4,
      ratings: [0, 0, 1, 0, 1],
      attended: 2,
      comments: [
        {
          rating: 5,
          comment: "Наконец понятно, как считать софинансирование",
          at: expect.any(String),
        },
      ],
    });
    expect(JSON.stringify(results.json)).not.toContain("Ёлкина");
    expect((await new Client().get(`/api/events/${event.id}`)).json.feedback).toEqual({
      count: 2,
      average: 4,
    });

    // Downloaded at once, twice: one certificate is issued, and both files carry its code.
    const download = () =>
      fetch(`${portalUrl()}/api/events/${event.id}/certificate`, { headers: { cookie: attendee.cookie } });
    const files = await Promise.all([download(), download()]);
    for (const file of files) {
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
    }
    const [first, second] = await Promise.all(
      files.map(async (file) => new Uint8Array(await file.arrayBuffer())),
    );
    const code = (await attendee.get(`/api/events/${event.id}`)).json.myRegistration.certificateCode;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const printed = code.match(/.{4}/g).join("-");
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    for (const bytes of [first!, second!]) {
      const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
      const text = (await (await pdf.getPage(1)).getTextContent()).items
        .map((item) => ("str" in item ? item.str : ""))
        .join("\n");
      expect(text).toContain("Ёлкина Юлия Щедровна");
      expect(text).toContain("принял(а) участие в вебинаре");
      expect(text).toContain(`Код проверки: ${printed}`);
      expect(text).toContain(`/certificates/${code}`);
    }
    const check = await new Client().get(`/api/certificates/${printed.toLowerCase()}`);
    expect(check.status).toBe(200);
    expect(check.json).toMatchObject({
      code,
      name: "Ёлкина Юлия Щедровна",
      title: event.title,
      deed: "принял(а) участие в вебинаре",
      details: expect.stringContaining("онлайн"),
      subjectPath: `/events/${event.id}`,
    });
    expect((await new Client().get("/api/certificates/ABCD-EFGH-JK23")).status).toBe(404);
    expect((await absent.get(`/api/events/${event.id}/certificate`)).status).toBe(403);
  });

  it("create a weekly series at once, each date with its own registrations, and refuse a series that cannot be", async () => {
    const coordinator = await asCoordinator();
    const startsAt = moscowIn(72);
    const lastDay = new Date(Date.parse(`${startsAt}:00+03:00`) + 14 * 24 * HOUR + 3 * HOUR)
      .toISOString()
      .slice(0, 10);
    const created = await coordinator.post(
      "/api/events",
      webinar({
        questions: [],
        capacityOnline: 1,
        startsAt,
        endsAt: moscowIn(74),
        repeat: { every: "week", until: lastDay },
      }),
    );
    expect(created.status).toBe(201);
    const series = created.json.series as { id: string; startsAt: string; status: string }[];
    expect(series).toHaveLength(3);
    expect(series[0]!.id).toBe(created.json.id);
    expect(series.map((date) => Date.parse(date.startsAt) - Date.parse(series[0]!.startsAt))).toEqual([
      0,
      7 * 24 * HOUR,
      14 * 24 * HOUR,
    ]);
    // Each date keeps its own seats: the one seat of the second date is still free after the first's is taken.
    const [first, second] = await Promise.all([signedIn(), signedIn()]);
    expect((await first.post(`/api/events/${series[0]!.id}/registration`, {})).json.status).toBe("confirmed");
    expect((await second.post(`/api/events/${series[1]!.id}/registration`, {})).json.status).toBe(
      "confirmed",
    );
    const third = await new Client().get(`/api/events/${series[2]!.id}`);
    expect(third.json.seats.online).toEqual({ capacity: 1, taken: 0 });
    expect(third.json.series).toEqual(series);

    // The longest series, a year of weekly dates, is written in one transaction.
    const yearEnd = new Date(Date.parse(`${startsAt}:00+03:00`) + 357 * 24 * HOUR + 3 * HOUR)
      .toISOString()
      .slice(0, 10);
    const year = await coordinator.post(
      "/api/events",
      webinar({ questions: [], startsAt, endsAt: moscowIn(74), repeat: { every: "week", until: yearEnd } }),
    );
    expect(year.status).toBe(201);
    expect(year.json.series).toHaveLength(52);

    const refused = await coordinator.post(
      "/api/events",
      webinar({ title: "Серия, которой не будет", repeat: { every: "week", until: "2020-01-01" } }),
    );
    expect(refused.status).toBe(422);
    expect(refused.json.error.fields).toEqual({ "repeat.until": "Повторять — до дня позже первой даты" });
    const calendar = await new Client().get(`/api/events?q=${encodeURIComponent("Серия, которой не будет")}`);
    expect(calendar.json.items).toEqual([]);
  });

  it("hold requests for the organiser's approval: approved ones take a seat while one is left, then wait; declined ones are told why", async () => {
    const coordinator = await asCoordinator();
    const event = await publishedEvent({ approvalRequired: true, capacityOnline: 1, questions: [] });
    const [first, second, third] = await Promise.all([signedIn(), signedIn(), signedIn()]);
    for (const person of [first, second, third]) {
      const asked = await person.post(`/api/events/${event.id}/registration`, {});
      expect(asked.json.status).toBe("pending");
      expect(asked.json.ticket).toBeUndefined();
      expect(await subjects(person.email)).toContain(`Заявка на участие: «${event.title}»`);
    }
    // A request withdrawn before the decision leaves nothing behind.
    const fourth = await signedIn();
    const withdrawn = await fourth.post(`/api/events/${event.id}/registration`, {});
    expect(
      (await fourth.post(`/api/events/${event.id}/registration/cancel`, { version: withdrawn.json.version }))
        .status,
    ).toBe(200);
    const waitingOnes = await new Client().get(`/api/events/${event.id}`);
    expect(waitingOnes.json).toMatchObject({
      awaitingApproval: 3,
      seats: { online: { capacity: 1, taken: 0 } },
    });
    // The link is for confirmed participants only: a request does not see it.
    expect((await first.get(`/api/events/${event.id}`)).json.onlineUrl).toBeUndefined();

    const accountOf = async (person: Client) => (await person.get("/api/auth/session")).json.account.id;
    const approveOf = async (person: Client) =>
      coordinator.post(`/api/events/${event.id}/participants/${await accountOf(person)}/approve`);
    const [approvedFirst, approvedSecond] = await Promise.all([approveOf(first), approveOf(second)]);
    expect([approvedFirst.json.status, approvedSecond.json.status].sort()).toEqual(["confirmed", "waiting"]);
    expect((await approveOf(first)).json.error.code).toBe("not_pending");

    const noReason = await coordinator.post(
      `/api/events/${event.id}/participants/${await accountOf(third)}/decline`,
      { reason: "" },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.fields).toEqual({ reason: expect.stringContaining("причину отказа") });
    const declined = await coordinator.post(
      `/api/events/${event.id}/participants/${await accountOf(third)}/decline`,
      { reason: "Вебинар для НКО Обнинска, а ваша организация из другого района" },
    );
    expect(declined.json.status).toBe("declined");
    expect(await subjects(third.email)).toContain(`Заявка отклонена: «${event.title}»`);
    const seen = (await third.get(`/api/events/${event.id}`)).json;
    expect(seen.myRegistration).toMatchObject({
      status: "declined",
      declineReason: "Вебинар для НКО Обнинска, а ваша организация из другого района",
    });
    expect(seen.may.register).toBe(false);
    const undo = await third.post(`/api/events/${event.id}/registration/cancel`, {
      version: seen.myRegistration.version,
    });
    expect(undo.json.error.code).toBe("declined");
    expect((await third.post(`/api/events/${event.id}/registration`, {})).json.error.code).toBe(
      "already_registered",
    );
    const after = (await new Client().get(`/api/events/${event.id}`)).json;
    expect(after).toMatchObject({
      awaitingApproval: 0,
      waiting: 1,
      seats: { online: { capacity: 1, taken: 1 } },
    });
    // Turning approval off is refused while requests wait; here none do.
    const edited = await coordinator.put(`/api/events/${event.id}`, {
      ...webinar({ capacityOnline: 1, questions: [], approvalRequired: false }),
      title: event.title,
      version: after.version,
    });
    expect(edited.status).toBe(200);
  });

  it("put the ticket's QR code in the confirmation letter, as a PNG the portal serves and a reader decodes", async () => {
    const event = await publishedEvent({ questions: [] });
    const person = await signedIn();
    const { ticket } = (await person.post(`/api/events/${event.id}/registration`, {})).json;
    const letter = (await mailTo(person.email)).find((mail) =>
      mail.subject.startsWith("Вы зарегистрированы"),
    );
    const src = /<img src="([^"]+)"[^>]*alt="QR-код билета ([A-Z0-9]+)"/.exec(letter?.body.html ?? "");
    expect(src?.[2]).toBe(ticket);
    const image = await fetch(`${portalUrl()}${new URL(src![1]!).pathname}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const { PNG } = await import("pngjs");
    const { default: jsQR } = await import("jsqr");
    const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(ticket);
    expect((await fetch(`${portalUrl()}/api/tickets/not-a-ticket/qr.png`)).status).toBe(404);
  });

  it("name speakers from the portal's experts: listed for organisers, shown and found by name, an unknown one refused", async () => {
    const coordinator = await asCoordinator();
    const name = `Грантова Ирина ${Date.now().toString(36)}`;
    const expert = await signedIn(undefined, name);
    const accountId = (await expert.get("/api/auth/session")).json.account.id;
    const { db } = await import("@cluster/core/db/service");
    const { data: account } = await db().entities.account.get({ id: accountId }).go();
    const granted = await coordinator.put(`/api/accounts/${accountId}/roles`, {
      roles: ["expert"],
      expertTopics: ["grants"],
      version: account!.version,
    });
    expect(granted.status).toBe(200);
    const speakers = await (await approvedMember()).get("/api/events/speakers");
    expect(speakers.json.items).toContainEqual({
      accountId,
      name,
      role: "expert",
      about: "Подготовка грантовых заявок",
    });
    expect((await new Client().get("/api/events/speakers")).status).toBe(401);

    const unknown = await coordinator.post(
      "/api/events",
      webinar({ speakerAccountIds: ["01NOSUCHACCOUNT0000000000"] }),
    );
    expect(unknown.status).toBe(422);
    expect(unknown.json.error.fields).toEqual({ "speakerAccountIds.0": "Такого эксперта нет на портале" });
    const created = await coordinator.post(
      "/api/events",
      webinar({ speakerAccountIds: [accountId], questions: [] }),
    );
    expect(created.status).toBe(201);
    expect(created.json.portalSpeakers).toEqual([
      { accountId, name, role: "expert", about: "Подготовка грантовых заявок" },
    ]);
    const found = await new Client().get(`/api/events?q=${encodeURIComponent(name.split(" ").at(-1)!)}`);
    expect(found.json.items.map((item: { id: string }) => item.id)).toContain(created.json.id);
  });

  it("take a cover picture checked by its bytes, serve it to everyone and drop it when replaced or removed", async () => {
    const coordinator = await asCoordinator();
    const event = await publishedEvent({ questions: [] });
    const fake = await coordinator.upload(
      "PUT",
      `/api/events/${event.id}/cover`,
      new TextEncoder().encode("not a png"),
      "image/png",
    );
    expect(fake.status).toBe(422);
    expect(fake.json.error.fields).toEqual({ cover: "Загрузите изображение PNG, JPEG или WebP" });
    const stranger = await signedIn();
    expect((await stranger.upload("PUT", `/api/events/${event.id}/cover`, tinyPng, "image/png")).status).toBe(
      403,
    );

    const set = await coordinator.upload("PUT", `/api/events/${event.id}/cover`, tinyPng, "image/png");
    expect(set.status).toBe(200);
    const first = set.json.coverPath as string;
    const image = await fetch(`${portalUrl()}${first}`);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await image.arrayBuffer()).equals(tinyPng)).toBe(true);
    const listed = await new Client().get(`/api/events?q=${encodeURIComponent(event.title)}`);
    expect(listed.json.items.find((item: { id: string }) => item.id === event.id)?.coverPath).toBe(first);

    const replaced = await coordinator.upload("PUT", `/api/events/${event.id}/cover`, tinyPng, "image/png");
    expect(replaced.json.coverPath).not.toBe(first);
    expect((await fetch(`${portalUrl()}${first}`)).status).toBe(404);
    const removed = await coordinator.delete(`/api/events/${event.id}/cover`);
    expect(removed.json.coverPath).toBeUndefined();
    expect((await fetch(`${portalUrl()}${replaced.json.coverPath}`)).status).toBe(404);
  });
});
