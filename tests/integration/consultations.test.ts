import { dueAt } from "@cluster/core/consultation/deadlines";
import { AUTHORITY_ANSWER_DAYS } from "@cluster/core/reference";
import * as Clock from "@cluster/core/shared/clock";
import { describe, expect, it } from "vitest";
import { asCoordinator, Client, COORDINATOR, mailTo, signedIn } from "./client";
import { approvedMember } from "./fixtures";

type Signed = Awaited<ReturnType<typeof signedIn>>;

/** Grants roles (and expert topics) through the coordinator's API, as the people page does. */
async function grant(person: Signed, roles: string[], expertTopics?: string[]) {
  const { json: me } = await person.get("/api/auth/session");
  const coordinator = await asCoordinator();
  const result = await coordinator.put(`/api/accounts/${me.account.id}/roles`, {
    roles,
    expertTopics,
    version: me.account.version,
  });
  if (result.status !== 200) throw new Error(JSON.stringify(result.json));
  return result.json;
}

async function expert(topics: string[], name = "Эксперт Юрист") {
  const person = await signedIn(undefined, name);
  await grant(person, ["expert"], topics);
  return person;
}

/** An official: represents an approved authority body and holds the official role. */
async function official() {
  const body = await approvedMember({
    kind: "authority",
    name: `Министерство проверки ${Date.now().toString(36)}`,
  });
  await grant(body, ["member", "official"]);
  return body;
}

const question = (overrides: Record<string, unknown> = {}) => ({
  topic: "legal",
  title: `Как оформить договор с волонтёром ${Date.now().toString(36)}`,
  text: "Мы привлекаем волонтёров к акциям. Нужен ли письменный договор и какие пункты обязательны?",
  visibility: "public",
  ...overrides,
});

const subjects = async (email: string) => (await mailTo(email)).map((mail) => mail.subject);

describe("consultations", () => {
  it("go from an NGO's question to an expert's answer, a solution and the knowledge base", async () => {
    const lawyer = await expert(["legal"]);
    const accountant = await expert(["accounting"]);
    const ngo = await approvedMember();
    const asked = await ngo.post("/api/consultations", question({ organisationId: ngo.organisationId }));
    expect(asked.status).toBe(201);
    const q = asked.json;
    expect(q).toMatchObject({ status: "open", overdue: false, may: { take: false, answer: false } });
    expect(new Date(q.dueAt).getTime()).toBeGreaterThan(Clock.nowMs());
    expect(await subjects(lawyer.email)).toContain(`Новый вопрос: «${q.title}»`);
    expect(await subjects(accountant.email)).not.toContain(`Новый вопрос: «${q.title}»`);

    // Not published before the answer; other topics' experts and outsiders get 404.
    expect((await new Client().get(`/api/consultations/${q.id}`)).status).toBe(404);
    expect((await accountant.get(`/api/consultations/${q.id}`)).status).toBe(404);
    expect((await (await signedIn()).get(`/api/consultations/${q.id}`)).status).toBe(404);
    const { json: desk } = await lawyer.get("/api/consultations/desk");
    expect(desk.unanswered.map((item: { id: string }) => item.id)).toContain(q.id);
    const { json: otherDesk } = await accountant.get("/api/consultations/desk");
    expect(otherDesk.unanswered.map((item: { id: string }) => item.id)).not.toContain(q.id);

    // Answering needs taking first; only the assignee answers.
    expect((await lawyer.post(`/api/consultations/${q.id}/answers`, { text: "Да, нужен." })).status).toBe(
      403,
    );
    expect((await accountant.post(`/api/consultations/${q.id}/take`, { version: 1 })).status).toBe(404);
    const taken = await lawyer.post(`/api/consultations/${q.id}/take`, { version: 1 });
    expect(taken.json).toMatchObject({ assignee: "Эксперт Юрист", may: { answer: true } });
    expect((await lawyer.post(`/api/consultations/${q.id}/take`, { version: 2 })).status).toBe(409);

    const answered = await lawyer.post(`/api/consultations/${q.id}/answers`, {
      text: "Договор не обязателен, но полезен: предмет, сроки, возмещение расходов, охрана труда.",
    });
    expect(answered.status).toBe(201);
    expect(answered.json.question.status).toBe("answered");
    expect(await subjects(ngo.email)).toContain(`Ответ на ваш вопрос «${q.title}»`);

    const postId = answered.json.posts[0].id;
    await ngo.post(`/api/consultations/${q.id}/followups`, { text: "А если волонтёр несовершеннолетний?" });
    expect(await subjects(lawyer.email)).toContain(`Уточнение по вопросу «${q.title}»`);
    const edited = await lawyer.patch(`/api/consultations/${q.id}/answers/${postId}`, {
      text: "Договор не обязателен, но полезен: предмет, сроки, возмещение расходов, охрана труда, согласие родителей.",
    });
    expect(edited.json.posts[0].history).toHaveLength(1);

    // Only the asker marks the solution; then the answer is final.
    expect(
      (await lawyer.post(`/api/consultations/${q.id}/solve`, { postId, rating: 5, version: 3 })).status,
    ).toBe(403);
    const badRating = await ngo.post(`/api/consultations/${q.id}/solve`, { postId, rating: 6, version: 3 });
    expect(badRating.json.error.fields).toEqual({ rating: "Оценка — от 1 до 5" });
    const solved = await ngo.post(`/api/consultations/${q.id}/solve`, { postId, rating: 5, version: 3 });
    expect(solved.json.question).toMatchObject({ status: "solved", rating: 5, solutionPostId: postId });
    const frozen = await lawyer.patch(`/api/consultations/${q.id}/answers/${postId}`, {
      text: "Другой текст ответа.",
    });
    expect(frozen.status).toBe(409);

    const { json: page } = await new Client().get(`/api/consultations/${q.id}`);
    expect(page.question).toMatchObject({ status: "solved", askerOrganisation: expect.any(String) });
    const { json: found } = await new Client().get(
      `/api/consultations?topic=legal&q=${encodeURIComponent("волонтёром")}`,
    );
    expect(found.items.map((item: { id: string }) => item.id)).toContain(q.id);
    expect(found.items.find((item: { id: string }) => item.id === q.id).solved).toBe(true);
  });

  it("route questions to an authority body's officials, give them 30 days and mark official answers", async () => {
    const ministry = await official();
    const ngo = await approvedMember();
    const asked = await ngo.post(
      "/api/consultations",
      question({
        topic: "authorities",
        bodyId: ministry.organisationId,
        visibility: "private",
        title: `Порядок получения субсидии ${Date.now().toString(36)}`,
      }),
    );
    expect(asked.status, JSON.stringify(asked.json)).toBe(201);
    expect(asked.json.body).toMatchObject({ id: ministry.organisationId });
    // 30 calendar days from the day of asking, moved past days off (59-FZ art. 12): computed from
    // the question's own creation instant on the portal's calendar, so it holds on every date.
    const askedAt = new Date(asked.json.createdAt);
    expect(asked.json.dueAt).toBe(dueAt(askedAt, { calendarDays: AUTHORITY_ANSWER_DAYS }).toISOString());
    expect(Date.parse(asked.json.dueAt) - askedAt.getTime()).toBeGreaterThanOrEqual(29 * 86_400_000);

    await ministry.post(`/api/consultations/${asked.json.id}/take`, { version: 1 });
    const answered = await ministry.post(`/api/consultations/${asked.json.id}/answers`, {
      text: "Субсидии предоставляются по итогам конкурса; заявки принимаются до 1 марта.",
    });
    expect(answered.json.posts[0].officialOf).toBeTruthy();
    // Private: never published, even answered.
    expect((await new Client().get(`/api/consultations/${asked.json.id}`)).status).toBe(404);
    const { json: kb } = await new Client().get(`/api/consultations?q=${encodeURIComponent("субсидии")}`);
    expect(kb.items.map((item: { id: string }) => item.id)).not.toContain(asked.json.id);
  });

  it("refuse bad questions with field messages and store nothing", async () => {
    const person = await signedIn();
    const attempts: [Record<string, unknown>, Record<string, string>][] = [
      [question({ title: "" }), { title: "Укажите вопрос кратко" }],
      [question({ text: "x".repeat(10_001) }), { text: "Не длиннее 10000 символов" }],
      [question({ topic: "astrology" }), { topic: "Выберите тему" }],
      [question({ bodyId: "no-such-body" }), { bodyId: "Выберите орган власти из списка" }],
    ];
    for (const [body, fields] of attempts) {
      const result = await person.post("/api/consultations", body);
      expect(result.status, JSON.stringify(fields)).toBe(422);
      expect(result.json.error.fields).toMatchObject(fields);
    }
    // A 100 KB text is refused before it is read: 413 in the one error shape.
    const huge = await person.post("/api/consultations", question({ text: "x".repeat(100 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe("too_large");
    expect((await person.get("/api/consultations/mine")).json.items).toEqual([]);
  });
});

describe("reassignment by a coordinator", () => {
  it("hands a question to another answerer of its route, emails them, and is for coordinators only", async () => {
    const first = await expert(["promotion"], "Первый Пиарщик");
    const second = await expert(["promotion"], "Второй Пиарщик");
    const lawyer = await expert(["legal"], "Юрист Посторонний");
    const idOf = async (person: Signed) => (await person.get("/api/auth/session")).json.account.id as string;
    const ngo = await signedIn();
    const { json: q } = await ngo.post(
      "/api/consultations",
      question({ topic: "promotion", visibility: "private" }),
    );
    await first.post(`/api/consultations/${q.id}/take`, { version: 1 });
    const coordinator = await asCoordinator();

    expect(
      (await first.post(`/api/consultations/${q.id}/assign`, { accountId: await idOf(second), version: 2 }))
        .status,
    ).toBe(403);
    const { json: people } = await coordinator.get(`/api/consultations/${q.id}/answerers`);
    expect(people.items.map((person: { name: string }) => person.name)).toEqual(
      expect.arrayContaining(["Первый Пиарщик", "Второй Пиарщик"]),
    );
    expect(people.items.map((person: { name: string }) => person.name)).not.toContain("Юрист Посторонний");
    const wrong = await coordinator.post(`/api/consultations/${q.id}/assign`, {
      accountId: await idOf(lawyer),
      version: 2,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.error.fields).toEqual({
      accountId: "Выберите эксперта или представителя органа из списка",
    });

    const moved = await coordinator.post(`/api/consultations/${q.id}/assign`, {
      accountId: await idOf(second),
      version: 2,
    });
    expect(moved.json).toMatchObject({ assignee: "Второй Пиарщик", version: 3 });
    expect((await mailTo(second.email)).map((mail) => mail.subject)).toContain(
      `Вам назначен вопрос «${q.title}»`,
    );
    expect((await first.post(`/api/consultations/${q.id}/answers`, { text: "Мой ответ" })).status).toBe(403);
    expect((await second.post(`/api/consultations/${q.id}/answers`, { text: "Ответ второго." })).status).toBe(
      201,
    );
  });
});

describe("the consultation deadline job", () => {
  it("assigns untaken questions round-robin, reminds once before the due time and escalates once after", async () => {
    const first = await expert(["registration"]);
    const second = await expert(["registration"]);
    const ngo = await approvedMember();
    const ask = async (title: string) =>
      (
        await ngo.post(
          "/api/consultations",
          question({ topic: "registration", title, visibility: "private" }),
        )
      ).json;
    const one = await ask(`Смена юридического адреса НКО ${Date.now().toString(36)}`);
    const two = await ask(`Регистрация изменений в уставе ${Date.now().toString(36)}`);
    const { watchDeadlines } = await import("@cluster/core/consultation/watch");
    const created = new Date(one.createdAt).getTime();
    const hours = (n: number) => n * 3600_000;

    await watchDeadlines(new Date(created + hours(1)));
    expect((await ngo.get(`/api/consultations/${one.id}`)).json.question.assignee).toBeUndefined();

    await watchDeadlines(new Date(created + hours(25)));
    const assignees = [
      (await ngo.get(`/api/consultations/${one.id}`)).json.question.assignee,
      (await ngo.get(`/api/consultations/${two.id}`)).json.question.assignee,
    ];
    expect(assignees.every(Boolean)).toBe(true);
    const firstDesk = (await first.get("/api/consultations/desk")).json.taken.map(
      (q: { id: string }) => q.id,
    );
    const secondDesk = (await second.get("/api/consultations/desk")).json.taken.map(
      (q: { id: string }) => q.id,
    );
    expect([...firstDesk, ...secondDesk].sort()).toEqual([one.id, two.id].sort());
    expect(firstDesk).toHaveLength(1);
    const assignedTo = firstDesk.includes(one.id) ? first : second;
    expect((await mailTo(assignedTo.email)).map((mail) => mail.subject)).toContain(
      `Вам назначен вопрос «${one.title}»`,
    );

    const due = new Date(one.dueAt).getTime();
    const reminders = async () =>
      (await mailTo(assignedTo.email)).filter((mail) => mail.subject === `Скоро срок ответа: «${one.title}»`);
    await watchDeadlines(new Date(due - hours(2)));
    await watchDeadlines(new Date(due - hours(1)));
    expect(await reminders()).toHaveLength(1);

    const escalations = async () =>
      (await mailTo(COORDINATOR)).filter(
        (mail) => mail.subject === `Просрочен ответ на вопрос «${one.title}»`,
      );
    await watchDeadlines(new Date(due + hours(1)));
    await watchDeadlines(new Date(due + hours(5)));
    expect(await escalations()).toHaveLength(1);
    const { json: late } = await assignedTo.get(`/api/consultations/${one.id}`);
    expect(late.question.status).toBe("open");
  });
});
