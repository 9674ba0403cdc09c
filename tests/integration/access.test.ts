import { areaOperations } from "@cluster/functions/contracts/index";
import type { Operation } from "@cluster/functions/http/operation";
import { beforeAll, describe, expect, it } from "vitest";
import { DOCX_TYPE, docxBytes } from "../fixtures/documents";
import { tinyPng } from "../fixtures/images";
import { asCoordinator, Client, lastCode, mailTo, portalUrl, signedIn, uniqueEmail } from "./client";
import { application, approvedMember, beganAnHourAgo, daysFromNow, listing, webinar } from "./fixtures";

/**
 * The access-control matrix, generated from the route table: every operation of
 * functions/src/contracts × every actor. `rules` below says only who may; the test derives
 * every other actor's expected refusal (401 for a guest on a personal route, 403 or 404 for
 * anyone else), and fails when an operation has no rule or a rule names no operation.
 */

const actorNames = ["guest", "blocked", "memberB", "expert", "official", "memberA", "coordinator"] as const;
type ActorName = (typeof actorNames)[number];
type Signed = Client & { email: string; accountId?: string };

/** Who may: everyone (guests too), every signed-in person, or these actors only. */
type May = "everyone" | "people" | ActorName[];

interface Rule {
  may: May;
  /** Path parameters; by default the shared objects of organisation A (see defaultIds). */
  ids?: (f: Fixtures) => Promise<Record<string, string>> | Record<string, string>;
  /** A valid body for this actor's attempt (fresh versions are read just before). */
  body?: (f: Fixtures, ids: Record<string, string>, actor: ActorName) => Promise<unknown> | unknown;
  query?: (f: Fixtures, ids: Record<string, string>) => Promise<string> | string;
  /** A person signs in anew for this operation (logout ends the session it is sent with). */
  ownSession?: boolean;
}

interface Fixtures {
  actors: Record<ActorName, Signed>;
  coordinator: Signed;
  memberA: Signed & { organisationId: string };
  memberB: Signed & { organisationId: string };
  /** A third organisation: responds to A's listings and publishes the listing others respond to. */
  memberC: Signed & { organisationId: string };
  /** Responds on the fresh responses, so memberC's contacts never legitimately reach A. */
  memberC2: Signed & { organisationId: string };
  /** An account the coordinator's people routes act on. */
  target: { accountId: string };
  expertAccountId: string;
  listingA: string;
  draftA: string;
  requestC: string;
  responseA: string;
  questionA: string;
  /** A published event of the coordinator's, its online link the secret. */
  eventA: string;
  eventLink: string;
  privateTitle: string;
  /** Materials the expert published: a public link, a public file, and one for members only. */
  materialA: string;
  fileMaterialA: string;
  membersOnlyTitle: string;
  privatePhone: string;
  privatePerson: string;
  manageToken: string;
}

const coordinatorApi = () => asCoordinator();

const accountOf = async (client: Client) => (await client.get("/api/auth/session")).json.account;

async function grant(accountId: string, roles: string[], expertTopics?: string[]) {
  const { db } = await import("@cluster/core/db/service");
  const { data } = await db().entities.account.get({ id: accountId }).go();
  const answer = await (await coordinatorApi()).put(`/api/accounts/${accountId}/roles`, {
    roles,
    expertTopics,
    version: data?.version,
  });
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.json));
}

async function person(name?: string): Promise<Signed & { accountId: string }> {
  const client = await signedIn(undefined, name);
  return Object.assign(client, { accountId: (await accountOf(client)).id as string });
}

const version = {
  listing: async (id: string) =>
    (await (await coordinatorApi()).get(`/api/resources/${id}`)).json.listing.version,
  organisation: async (id: string) =>
    (await (await coordinatorApi()).get(`/api/members/${id}`)).json.organisation.version,
  response: async (id: string) =>
    (await (await coordinatorApi()).get(`/api/responses/${id}`)).json.response.version,
  question: async (id: string) =>
    (await (await coordinatorApi()).get(`/api/consultations/${id}`)).json.question.version,
  account: async (id: string) => {
    const { db } = await import("@cluster/core/db/service");
    return (await db().entities.account.get({ id }).go()).data?.version;
  },
};

const question = (overrides: Record<string, unknown> = {}) => ({
  topic: "legal",
  title: `Нужен ли договор с волонтёром ${Date.now().toString(36)}`,
  text: "Мы привлекаем волонтёров к акциям. Нужен ли письменный договор и какие пункты обязательны?",
  visibility: "private",
  ...overrides,
});

/** Fresh objects of organisation A for the operations that change them. */
const fresh = {
  async draft(f: Fixtures, overrides: Record<string, unknown> = {}) {
    const { json } = await f.memberA.post(
      "/api/resources",
      listing({ organisationId: f.memberA.organisationId, ...overrides }),
    );
    return json.id as string;
  },
  async published(f: Fixtures) {
    const id = await fresh.draft(f);
    await f.memberA.post(`/api/resources/${id}/publish`, { version: 1 });
    return id;
  },
  async response(f: Fixtures, status: "pending" | "accepted" = "pending") {
    const listingId = await fresh.published(f);
    const { json } = await f.memberC2.post("/api/responses", {
      listingId,
      organisationId: f.memberC2.organisationId,
      message: "Нам бы очень пригодился зал для встречи волонтёров.",
      quantity: 1,
    });
    if (status === "accepted") await f.memberA.post(`/api/responses/${json.id}/accept`, { version: 1 });
    return json.id as string;
  },
  /** A published event with one seat and A's question; `registered` by A, or A `offered` a seat. */
  async event(f: Fixtures, stage: "open" | "registered" | "offered" = "open") {
    const { json } = await f.coordinator.post("/api/events", webinar({ capacityOnline: 1, questions: [] }));
    if (stage === "offered") {
      const held = await f.memberC.post(`/api/events/${json.id}/registration`, {});
      await f.memberA.post(`/api/events/${json.id}/registration`, {});
      await f.memberC.post(`/api/events/${json.id}/registration/cancel`, { version: held.json.version });
    }
    if (stage === "registered") await f.memberA.post(`/api/events/${json.id}/registration`, {});
    return json.id as string;
  },
  /** An event that began an hour ago, A's place checked in: moved back in the table, as time would. */
  async started(f: Fixtures) {
    const id = await fresh.event(f, "registered");
    const ticket = (await f.memberA.get(`/api/events/${id}`)).json.myRegistration.ticket;
    await f.coordinator.post(`/api/events/${id}/check-in`, { ticket });
    await beganAnHourAgo(id);
    return id;
  },
  /** A started event whose organiser recorded its outcome: attendee A gives feedback, gets a certificate. */
  async held(f: Fixtures) {
    const id = await fresh.started(f);
    const { json } = await f.coordinator.get(`/api/events/${id}`);
    await f.coordinator.put(`/api/events/${id}/outcome`, {
      summary: "Разобрали бюджет заявки.",
      materials: [],
      version: json.version,
    });
    return id;
  },
  /** A published event of the coordinator's with a cover picture. */
  async withCover(f: Fixtures) {
    const id = await fresh.event(f);
    await f.coordinator.upload("PUT", `/api/events/${id}/cover`, tinyPng, "image/png");
    return id;
  },
  /** A request of A's to take part in an event that needs the organiser's approval. */
  async request(f: Fixtures) {
    const { json } = await f.coordinator.post(
      "/api/events",
      webinar({ approvalRequired: true, capacityOnline: 1, questions: [] }),
    );
    await f.memberA.post(`/api/events/${json.id}/registration`, {});
    return { id: json.id as string, accountId: f.memberA.accountId as string };
  },
  /** An event organisation A proposed, waiting for a coordinator. */
  async proposal(f: Fixtures) {
    const { json } = await f.memberA.post(
      "/api/events",
      webinar({ organisationId: f.memberA.organisationId }),
    );
    return json.id as string;
  },
  async question(f: Fixtures, stage: "open" | "taken" | "answered" = "open") {
    const { json } = await f.memberA.post("/api/consultations", question());
    if (stage !== "open") await f.actors.expert.post(`/api/consultations/${json.id}/take`, { version: 1 });
    let postId = "";
    if (stage === "answered") {
      const answered = await f.actors.expert.post(`/api/consultations/${json.id}/answers`, {
        text: "Договор не обязателен, но полезен: предмет, сроки, возмещение расходов.",
      });
      postId = answered.json.posts[0].id;
    }
    return { id: json.id as string, postId };
  },
  /** A link material the expert published (one of its own for each actor who may change it). */
  async material(f: Fixtures, overrides: Record<string, unknown> = {}) {
    const { json } = await f.actors.expert.post("/api/materials", material(overrides));
    return json.id as string;
  },
  /** A file material the expert published, its DOCX in the local S3. */
  async fileMaterial(f: Fixtures) {
    const { json } = await f.actors.expert.post(
      "/api/materials",
      material({ kind: "file", url: undefined, uploadId: await uploadedDocx(f.actors.expert) }),
    );
    return json.id as string;
  },
  /** A material organisation A proposed, waiting for a coordinator. */
  async materialProposal(f: Fixtures) {
    const { json } = await f.memberA.post(
      "/api/materials",
      material({ organisationId: f.memberA.organisationId }),
    );
    return json.id as string;
  },
  async pendingOrganisation(f: Fixtures) {
    const { json } = await f.memberA.post("/api/members", application());
    return json.id as string;
  },
};

const material = (overrides: Record<string, unknown> = {}) => ({
  kind: "link",
  title: `Порядок отчётности НКО ${Date.now().toString(36)}`,
  summary: "Официальная страница о том, какие отчёты и когда сдаёт некоммерческая организация.",
  topic: "registration",
  url: "https://minjust.gov.ru",
  ...overrides,
});

/** A DOCX the person uploaded to the local S3 with a presigned URL: its ticket's id. */
async function uploadedDocx(client: Client) {
  const bytes = await docxBytes("Шаблон");
  const ticket = await client.post("/api/materials/uploads", {
    fileName: "shablon.docx",
    contentType: DOCX_TYPE,
    size: bytes.byteLength,
  });
  // Who may not ask for a ticket (a guest, a blocked person) sends one that does not exist.
  if (ticket.status !== 201) return "01J00000000000000000000000";
  await fetch(ticket.json.url, { method: "PUT", body: bytes, headers: ticket.json.headers });
  return ticket.json.uploadId as string;
}

const materialVersion = async (id: string) =>
  (await (await coordinatorApi()).get(`/api/materials/${id}`)).json.version as number;

/** Only experts and coordinators publish; anyone else is sent as a proposal for A (theirs only). */
const materialBody = (f: Fixtures, actor: ActorName) =>
  material(actor === "expert" || actor === "coordinator" ? {} : { organisationId: f.memberA.organisationId });

async function digestToken(email: string, page: string) {
  const texts = (await mailTo(email)).map((mail) => mail.body.text ?? "").join("\n");
  const found = [...texts.matchAll(new RegExp(`${page}\\?token=([\\w.%-]+)`, "g"))].at(-1)?.[1];
  if (!found) throw new Error(`no ${page} link mailed to ${email}`);
  return decodeURIComponent(found);
}

const coordinatorOnly: May = ["coordinator"];

/** Who may do what: one line per operation of the route table. */
const rules: Record<string, Rule> = {
  // Sign-in: open to everyone, each attempt with its own new email.
  "POST /api/auth/code": { may: "everyone", body: () => ({ email: uniqueEmail("access") }) },
  "POST /api/auth/verify": {
    may: "everyone",
    body: async () => {
      const email = uniqueEmail("access");
      await new Client().post("/api/auth/code", { email });
      return { email, code: await lastCode(email) };
    },
  },
  "POST /api/auth/signup": {
    may: "everyone",
    body: async () => {
      const email = uniqueEmail("access");
      const client = new Client();
      await client.post("/api/auth/code", { email });
      const { json } = await client.post("/api/auth/verify", { email, code: await lastCode(email) });
      const { consent } = await import("@cluster/core/reference");
      return {
        signupToken: json.signupToken,
        name: "Новый Человек",
        consent: true,
        consentVersion: consent.version,
      };
    },
  },
  "GET /api/auth/session": { may: "everyone" },
  "POST /api/auth/logout": { may: "everyone", ownSession: true },

  "PATCH /api/accounts/me": {
    may: "people",
    body: async (f, _ids, actor) => ({
      name: "Проверка Тестовая",
      version: (await accountOf(f.actors[actor]))?.version ?? 1,
    }),
  },
  "GET /api/accounts/me/export": { may: "people" },
  "DELETE /api/accounts/me": { may: "people" },
  "GET /api/accounts": { may: coordinatorOnly },
  "PUT /api/accounts/{id}/roles": {
    may: coordinatorOnly,
    body: async (f) => ({ roles: [], version: await version.account(f.target.accountId) }),
  },
  "PUT /api/accounts/{id}/blocked": {
    may: coordinatorOnly,
    body: async (f) => ({ blocked: false, version: await version.account(f.target.accountId) }),
  },

  // The words of the private question and the draft: neither may be found.
  "GET /api/search": { may: "everyone", query: (f) => `q=${encodeURIComponent(f.privateTitle)}` },
  "GET /api/members": { may: "everyone" },
  "GET /api/members/newest": { may: "everyone" },
  "POST /api/members": { may: "people", body: () => application() },
  "GET /api/members/applications": { may: coordinatorOnly },
  "POST /api/members/invitations/accept": {
    may: "people",
    body: async (f, _ids, actor) => {
      // Invitations come from a fourth organisation, so that accepting changes nothing about A.
      const inviter = await approvedMember();
      const email = f.actors[actor].email;
      await inviter.post(`/api/members/${inviter.organisationId}/invitations`, { email });
      const texts = (await mailTo(email)).map((mail) => mail.body.text ?? "").join("\n");
      const token = [...texts.matchAll(/token=([\w.%-]+)/g)].at(-1)?.[1];
      return { token: decodeURIComponent(token ?? "нет-приглашения-в-почте-000") };
    },
  },
  "GET /api/members/{id}": { may: "everyone" },
  "PATCH /api/members/{id}": {
    may: ["memberA", "coordinator"],
    body: async (f) => ({
      name: "АНО «Проверка доступа»",
      spheres: ["social-services"],
      municipality: "kaluga",
      description: "Помогаем пожилым людям Калуги: доставка продуктов и лекарств.",
      contacts: {
        email: { value: "hello@dobro.example", public: true },
        phone: { value: f.privatePhone, public: false },
        person: { value: f.privatePerson, public: false },
      },
      version: await version.organisation(f.memberA.organisationId),
    }),
  },
  "POST /api/members/{id}/approve": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.pendingOrganisation(f) }),
    body: async (_f, ids) => ({ version: await version.organisation(ids.id!) }),
  },
  "POST /api/members/{id}/reject": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.pendingOrganisation(f) }),
    body: async (_f, ids) => ({ reason: "Нет документов", version: await version.organisation(ids.id!) }),
  },
  "PUT /api/members/{id}/logo": { may: ["memberA", "coordinator"] },
  "DELETE /api/members/{id}/logo": {
    may: ["memberA", "coordinator"],
    ids: async (f) => {
      await f.memberA.upload("PUT", `/api/members/${f.memberA.organisationId}/logo`, tinyPng, "image/png");
      return { id: f.memberA.organisationId };
    },
  },
  "GET /api/members/{id}/logo": {
    may: "everyone",
    ids: async (f) => {
      await f.memberA.upload("PUT", `/api/members/${f.memberA.organisationId}/logo`, tinyPng, "image/png");
      return { id: f.memberA.organisationId };
    },
  },
  "GET /api/members/{id}/representatives": { may: ["memberA", "coordinator"] },
  "POST /api/members/{id}/invitations": {
    may: ["memberA", "coordinator"],
    body: () => ({ email: uniqueEmail("invited") }),
  },

  "GET /api/resources": { may: "everyone" },
  "POST /api/resources": { may: "people", body: () => listing() },
  "GET /api/resources/mine": { may: "people" },
  "GET /api/resources/{id}": { may: "everyone" },
  "PATCH /api/resources/{id}": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.draft(f) }),
    body: async (_f, ids) => {
      const { kind: _kind, ...fields } = listing();
      return { ...fields, version: await version.listing(ids.id!) };
    },
  },
  "POST /api/resources/{id}/publish": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.draft(f) }),
    body: async (_f, ids) => ({ version: await version.listing(ids.id!) }),
  },
  "POST /api/resources/{id}/withdraw": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.published(f) }),
    body: async (_f, ids) => ({ version: await version.listing(ids.id!) }),
  },
  "POST /api/resources/{id}/complete": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.published(f) }),
    body: async (_f, ids) => ({ version: await version.listing(ids.id!) }),
  },
  "POST /api/resources/{id}/hide": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.published(f) }),
    body: async (_f, ids) => ({ reason: "Нарушает правила", version: await version.listing(ids.id!) }),
  },
  "GET /api/resources/{id}/matches": { may: "everyone" },
  "POST /api/resources/{id}/photos": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.draft(f) }),
  },
  "DELETE /api/resources/{id}/photos/{photoId}": {
    may: ["memberA", "coordinator"],
    ids: async (f) => withPhoto(f),
  },
  "GET /api/resources/{id}/photos/{photoId}": { may: "everyone", ids: async (f) => withPhoto(f, true) },

  "POST /api/responses": {
    may: "people",
    body: (f) => ({ listingId: f.requestC, message: "Можем помочь с этим, свяжитесь с нами." }),
  },
  "GET /api/responses": {
    may: ["memberA", "coordinator"],
    query: (f) => `listingId=${f.listingA}`,
  },
  "GET /api/responses/mine": { may: "people" },
  "GET /api/responses/{id}": { may: ["memberA", "coordinator"] },
  "POST /api/responses/{id}/accept": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.response(f) }),
    body: async (_f, ids) => ({ version: await version.response(ids.id!) }),
  },
  "POST /api/responses/{id}/decline": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.response(f) }),
    body: async (_f, ids) => ({ reason: "Уже отдали", version: await version.response(ids.id!) }),
  },
  // Only the responder (organisation C) withdraws a response: no actor here may.
  "POST /api/responses/{id}/cancel": {
    may: [],
    ids: async (f) => ({ id: await fresh.response(f) }),
    body: async (_f, ids) => ({ version: await version.response(ids.id!) }),
  },
  "POST /api/responses/{id}/fulfil": {
    may: ["memberA", "coordinator"],
    ids: async (f) => ({ id: await fresh.response(f, "accepted") }),
    body: async (_f, ids) => ({ version: await version.response(ids.id!) }),
  },
  "POST /api/responses/{id}/messages": {
    may: ["memberA", "coordinator"],
    body: () => ({ text: "Когда удобно встретиться?" }),
  },
  "GET /api/ledger": { may: "everyone" },
  "GET /api/ledger/export": { may: coordinatorOnly },

  "POST /api/consultations": { may: "people", body: () => question() },
  "GET /api/consultations": { may: "everyone" },
  "GET /api/consultations/mine": { may: "people" },
  "GET /api/consultations/desk": { may: "people" },
  "GET /api/consultations/scorecard": { may: "everyone" },
  // A private question: its asker, the experts of its topic and coordinators.
  "GET /api/consultations/{id}": { may: ["memberA", "expert", "coordinator"] },
  "POST /api/consultations/{id}/take": {
    may: ["expert", "coordinator"],
    ids: async (f) => ({ id: (await fresh.question(f)).id }),
    body: async (_f, ids) => ({ version: await version.question(ids.id!) }),
  },
  "GET /api/consultations/{id}/answerers": { may: coordinatorOnly },
  "POST /api/consultations/{id}/assign": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: (await fresh.question(f)).id }),
    body: async (f, ids) => ({ accountId: f.expertAccountId, version: await version.question(ids.id!) }),
  },
  "POST /api/consultations/{id}/answers": {
    may: ["expert"],
    ids: async (f) => ({ id: (await fresh.question(f, "taken")).id }),
    body: () => ({ text: "Договор не обязателен, но полезен." }),
  },
  "PATCH /api/consultations/{id}/answers/{postId}": {
    may: ["expert"],
    ids: async (f) => fresh.question(f, "answered"),
    body: () => ({ text: "Договор не обязателен, но полезен: предмет и сроки." }),
  },
  "POST /api/consultations/{id}/followups": {
    may: ["memberA"],
    ids: async (f) => ({ id: (await fresh.question(f, "answered")).id }),
    body: () => ({ text: "А если волонтёр несовершеннолетний?" }),
  },
  "POST /api/consultations/{id}/solve": {
    may: ["memberA"],
    ids: async (f) => fresh.question(f, "answered"),
    body: async (_f, ids) => ({ postId: ids.postId, rating: 5, version: await version.question(ids.id!) }),
  },

  // Coordinators publish; a member proposes for its approved organisation; private people may not.
  "POST /api/events": {
    may: ["memberA", "coordinator"],
    body: (f, _ids, actor) =>
      webinar(actor === "memberA" ? { organisationId: f.memberA.organisationId } : {}),
  },
  "GET /api/events": { may: "everyone" },
  "GET /api/events/registrations/mine": { may: "people" },
  "GET /api/events/{id}": { may: "everyone" },
  "GET /api/events/calendar.ics": { may: "everyone" },
  "POST /api/events/feed": { may: "people" },
  // The secret address is the key: whoever holds it reads the feed.
  "GET /api/events/feed": {
    may: "everyone",
    query: async (f) => new URL((await f.memberA.post("/api/events/feed")).json.url).search.slice(1),
  },
  "GET /api/events/{id}/calendar.ics": { may: "everyone" },
  "GET /api/events/proposals": { may: coordinatorOnly },
  // Any signed-in organiser names speakers; the list is the experts' and officials' public names.
  "GET /api/events/speakers": { may: "people" },
  "PUT /api/events/{id}/cover": { may: coordinatorOnly, ids: async (f) => ({ id: await fresh.event(f) }) },
  "DELETE /api/events/{id}/cover": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.withCover(f) }),
  },
  "GET /api/events/{id}/cover/{coverId}": {
    may: "everyone",
    ids: async (f) => {
      const id = await fresh.withCover(f);
      return { id, coverId: (await f.coordinator.get(`/api/events/${id}`)).json.coverPath.split("/").at(-1) };
    },
  },
  "POST /api/events/{id}/publish": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.proposal(f) }),
    body: async (f, ids) => ({ version: (await f.coordinator.get(`/api/events/${ids.id}`)).json.version }),
  },
  "POST /api/events/{id}/return": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.proposal(f) }),
    body: async (f, ids) => ({
      reason: "Уточните адрес и время",
      version: (await f.coordinator.get(`/api/events/${ids.id}`)).json.version,
    }),
  },
  "GET /api/events/{id}/participants": { may: coordinatorOnly },
  "GET /api/events/{id}/participants/file": { may: coordinatorOnly, query: () => "format=csv" },
  "POST /api/events/{id}/participants/message": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.event(f, "registered") }),
    body: () => ({ to: "confirmed", subject: "Как добраться", text: "Вход со двора, второй этаж." }),
  },
  "POST /api/events/{id}/check-in": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.event(f, "registered") }),
    body: async (f, ids) => ({
      ticket: (await f.memberA.get(`/api/events/${ids.id}`)).json.myRegistration.ticket,
    }),
  },
  "POST /api/events/{id}/participants/{accountId}/approve": {
    may: coordinatorOnly,
    ids: (f) => fresh.request(f),
  },
  "POST /api/events/{id}/participants/{accountId}/decline": {
    may: coordinatorOnly,
    ids: (f) => fresh.request(f),
    body: () => ({ reason: "Мест для этой аудитории нет" }),
  },
  "PUT /api/events/{id}/outcome": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.started(f) }),
    body: async (f, ids) => ({
      summary: "Обсудили бюджет",
      materials: [{ kind: "recording", title: "Запись", url: "https://video.example.org/budget" }],
      version: (await f.coordinator.get(`/api/events/${ids.id}`)).json.version,
    }),
  },
  "GET /api/events/{id}/feedback": { may: coordinatorOnly },
  // Only an attendee (A, checked in) rates the event and gets a certificate.
  "POST /api/events/{id}/feedback": {
    may: ["memberA"],
    ids: async (f) => ({ id: await fresh.held(f) }),
    body: () => ({ rating: 5, comment: "Полезно" }),
  },
  "GET /api/events/{id}/certificate": { may: ["memberA"], ids: async (f) => ({ id: await fresh.held(f) }) },
  // The library: guests read public materials; experts and coordinators publish, members propose.
  "GET /api/materials": { may: "everyone", query: () => "limit=100" },
  "POST /api/materials": {
    may: ["expert", "memberA", "coordinator"],
    body: (f, _ids, actor) => materialBody(f, actor),
  },
  "POST /api/materials/uploads": {
    may: "people",
    body: () => ({ fileName: "ustav.pdf", contentType: "application/pdf", size: 2048 }),
  },
  "GET /api/materials/mine": { may: "people" },
  "GET /api/materials/proposals": { may: coordinatorOnly },
  "GET /api/materials/{id}": { may: "everyone", ids: (f) => ({ id: f.materialA }) },
  // Its author (the expert) and coordinators change it; each of them a material of their own.
  "PUT /api/materials/{id}": {
    may: ["expert", "coordinator"],
    ids: async (f) => ({ id: await fresh.material(f) }),
    body: async (_f, ids) => ({ ...material(), version: await materialVersion(ids.id!) }),
  },
  "POST /api/materials/{id}/files": {
    may: ["expert", "coordinator"],
    ids: async (f) => ({ id: await fresh.fileMaterial(f) }),
    body: async (f, ids, actor) => ({
      uploadId: await uploadedDocx(f.actors[actor]),
      version: await materialVersion(ids.id!),
    }),
  },
  "GET /api/materials/{id}/download": { may: "everyone", ids: (f) => ({ id: f.fileMaterialA }) },
  "POST /api/materials/{id}/withdraw": {
    may: ["expert", "coordinator"],
    ids: async (f) => ({ id: await fresh.material(f) }),
    body: async (_f, ids) => ({ version: await materialVersion(ids.id!) }),
  },
  "POST /api/materials/{id}/publish": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.materialProposal(f) }),
    body: async (_f, ids) => ({ version: await materialVersion(ids.id!) }),
  },
  "POST /api/materials/{id}/return": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.materialProposal(f) }),
    body: async (_f, ids) => ({ reason: "Добавьте источник", version: await materialVersion(ids.id!) }),
  },
  "GET /api/certificates/{code}": {
    may: "everyone",
    ids: async (f) => {
      const id = await fresh.held(f);
      await fetch(`${portalUrl()}/api/events/${id}/certificate`, { headers: { cookie: f.memberA.cookie } });
      return { code: (await f.memberA.get(`/api/events/${id}`)).json.myRegistration.certificateCode };
    },
  },
  // The organiser (here the coordinator who made it) and coordinators change or cancel an event.
  "PUT /api/events/{id}": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.event(f) }),
    body: async (f, ids) => ({
      ...webinar({ capacityOnline: 3, questions: [] }),
      version: (await f.coordinator.get(`/api/events/${ids.id}`)).json.version,
    }),
  },
  "POST /api/events/{id}/cancel": {
    may: coordinatorOnly,
    ids: async (f) => ({ id: await fresh.event(f) }),
    body: async (f, ids) => ({
      reason: "Спикер заболел, перенесём",
      version: (await f.coordinator.get(`/api/events/${ids.id}`)).json.version,
    }),
  },
  "POST /api/events/{id}/registration": {
    may: "people",
    ids: async (f) => ({ id: await fresh.event(f) }),
    body: () => ({}),
  },
  // One's own registration only: A's.
  "POST /api/events/{id}/registration/cancel": {
    may: ["memberA"],
    ids: async (f) => ({ id: await fresh.event(f, "registered") }),
    body: () => ({ version: 1 }),
  },
  "POST /api/events/{id}/registration/confirm": {
    may: ["memberA"],
    ids: async (f) => ({ id: await fresh.event(f, "offered") }),
    body: () => ({ version: 2 }),
  },

  "POST /api/digests/subscribe": { may: "everyone", body: () => ({ email: uniqueEmail("reader") }) },
  "POST /api/digests/confirm": {
    may: "everyone",
    body: async () => {
      const email = uniqueEmail("reader");
      await new Client().post("/api/digests/subscribe", { email });
      return { token: await digestToken(email, "/digest/confirm") };
    },
  },
  "GET /api/digests/preferences": {
    may: "everyone",
    query: (f) => `token=${encodeURIComponent(f.manageToken)}`,
  },
  "PUT /api/digests/preferences": {
    may: "everyone",
    query: (f) => `token=${encodeURIComponent(f.manageToken)}`,
    body: async (f) => ({
      version: (await new Client().get(`/api/digests/preferences?token=${encodeURIComponent(f.manageToken)}`))
        .json.version,
    }),
  },
  "POST /api/digests/unsubscribe": {
    may: "everyone",
    query: (f) => `token=${encodeURIComponent(f.manageToken)}`,
  },
  "GET /api/digests/seen": { may: "everyone", query: (f) => `token=${encodeURIComponent(f.manageToken)}` },
  "GET /api/digests/go": {
    may: "everyone",
    query: (f) => `token=${encodeURIComponent(f.manageToken)}&to=/resources`,
  },
  "GET /api/digests/mine": { may: "people" },
  "PUT /api/digests/mine": {
    may: "people",
    body: async (f, _ids, actor) => ({
      version: (await f.actors[actor].get("/api/digests/mine")).json?.subscription?.version ?? 1,
    }),
  },
  "GET /api/digests/defaults": { may: "everyone" },

  "GET /api/reports/figures": {
    may: coordinatorOnly,
    query: () => `from=${daysFromNow(-30)}&to=${daysFromNow(0)}`,
  },
  "GET /api/reports/series": { may: coordinatorOnly, query: () => "months=2" },
  "GET /api/reports/file": {
    may: coordinatorOnly,
    query: () => `from=${daysFromNow(-30)}&to=${daysFromNow(0)}&format=csv`,
  },
};

async function withPhoto(f: Fixtures, publish = false) {
  const id = await fresh.draft(f);
  const { json } = await f.memberA.upload("POST", `/api/resources/${id}/photos`, tinyPng, "image/png");
  if (publish) await f.memberA.post(`/api/resources/${id}/publish`, { version: json.version });
  return { id, photoId: json.photos[0].id as string };
}

/** Operations run last, in this order: they end sessions or delete accounts. */
const last = ["POST /api/members/invitations/accept", "POST /api/auth/logout", "DELETE /api/accounts/me"];

const key = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.path}`;

function defaultIds(f: Fixtures, operation: Operation): Record<string, string> {
  const area = operation.path.split("/")[2];
  const byArea: Record<string, string> = {
    members: f.memberA.organisationId,
    resources: f.listingA,
    responses: f.responseA,
    consultations: f.questionA,
    events: f.eventA,
    accounts: f.target.accountId,
  };
  return { id: byArea[area ?? ""] ?? "" };
}

const fill = (path: string, ids: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name];
    if (!value) throw new Error(`no fixture for {${name}} in ${path}`);
    return value;
  });

const mayAct = (may: May, actor: ActorName) =>
  may === "everyone" ||
  (may === "people" && actor !== "guest" && actor !== "blocked") ||
  (Array.isArray(may) && may.includes(actor));

/** What each actor must get: derived from the operation's access and the rule's "may". */
function expected(
  operation: Operation,
  rule: Rule,
  actor: ActorName,
): "allowed" | "unauthorized" | "refused" {
  if (mayAct(rule.may, actor)) return "allowed";
  const anonymous = actor === "guest" || actor === "blocked";
  if (anonymous && operation.access !== "guest") return "unauthorized";
  return "refused";
}

let f: Fixtures;

interface Outcome {
  route: string;
  actor: ActorName;
  status: number;
  text: string;
}
const outcomes: Outcome[] = [];

beforeAll(async () => {
  const boss = await person("Координатор Проверки");
  await grant(boss.accountId, ["coordinator"]);
  const privatePhone = `+7910${String(Date.now()).slice(-7)}`;
  const privatePerson = `Скрытова Анна ${Date.now().toString(36)}`;
  const memberA = await approvedMember({
    contacts: {
      email: { value: "hello@dobro.example", public: true },
      phone: { value: privatePhone, public: false },
      person: { value: privatePerson, public: false },
    },
  });
  const { db } = await import("@cluster/core/db/service");
  const accountIdOf = async (client: Signed) =>
    (await db().entities.accountEmail.get({ email: client.email }).go()).data!.accountId;
  const [memberB, memberC, memberC2, expert, official, blocked, target] = await Promise.all([
    approvedMember(),
    approvedMember(),
    approvedMember(),
    person("Эксперт Доступа"),
    approvedMember({ kind: "authority", name: `Министерство доступа ${Date.now().toString(36)}` }),
    person(),
    person(),
  ]);
  await grant(expert.accountId, ["expert"], ["legal"]);
  await grant(await accountIdOf(official), ["member", "official"]);
  const blockedVersion = await version.account(blocked.accountId);
  await (await coordinatorApi()).put(`/api/accounts/${blocked.accountId}/blocked`, {
    blocked: true,
    version: blockedVersion,
  });

  const actors = {
    guest: Object.assign(new Client(), { email: "" }),
    blocked,
    memberA,
    memberB,
    expert,
    official,
    coordinator: boss,
  } as Record<ActorName, Signed>;
  for (const actor of Object.values(actors)) actor.accountId ??= actor.email ? await accountIdOf(actor) : "";
  f = {
    actors,
    coordinator: boss,
    memberA,
    memberB,
    memberC,
    memberC2,
    target,
    expertAccountId: expert.accountId,
    listingA: "",
    draftA: "",
    requestC: "",
    responseA: "",
    questionA: "",
    eventA: "",
    eventLink: "",
    materialA: "",
    fileMaterialA: "",
    membersOnlyTitle: "",
    privateTitle: `Личный вопрос ${Date.now().toString(36)} о субсидиях`,
    privatePhone,
    privatePerson,
    manageToken: "",
  };
  f.listingA = await fresh.published(f);
  f.draftA = await fresh.draft(f);
  const { json: request } = await memberC.post(
    "/api/resources",
    listing({ kind: "request", organisationId: memberC.organisationId, title: "Ищем зал для встречи" }),
  );
  await memberC.post(`/api/resources/${request.id}/publish`, { version: 1 });
  f.requestC = request.id;
  const responded = await memberC.post("/api/responses", {
    listingId: f.listingA,
    organisationId: memberC.organisationId,
    message: "Нам бы очень пригодился зал для встречи волонтёров.",
    quantity: 1,
  });
  f.responseA = responded.json.id;
  const asked = await memberA.post("/api/consultations", question({ title: f.privateTitle }));
  f.questionA = asked.json.id;
  f.eventLink = `https://meet.example.org/secret-${Date.now().toString(36)}`;
  const event = await boss.post("/api/events", webinar({ onlineUrl: f.eventLink, questions: [] }));
  f.eventA = event.json.id;

  const reader = uniqueEmail("reader");
  await new Client().post("/api/digests/subscribe", { email: reader });
  const confirmed = await new Client().post("/api/digests/confirm", {
    token: await digestToken(reader, "/digest/confirm"),
  });
  f.manageToken = confirmed.json.manageToken;

  f.materialA = await fresh.material(f);
  f.fileMaterialA = await fresh.fileMaterial(f);
  f.membersOnlyTitle = `Только для своих ${Date.now().toString(36)}`;
  await fresh.material(f, { title: f.membersOnlyTitle, audience: "members" });
}, 120_000);

/** The first actor who may call the operation: it passes the sign-in and role checks. */
const allowedActor = (rule: Rule): ActorName =>
  Array.isArray(rule.may) ? (rule.may.find((a) => a !== "guest") ?? "memberA") : "memberA";

/** What the objects of a path look like to a coordinator, and what the caller may export of itself. */
async function snapshot(operation: Operation, ids: Record<string, string>, actor: ActorName) {
  const boss = await coordinatorApi();
  const area = operation.path.split("/")[2];
  const reads: Record<string, string> = {
    members: `/api/members/${ids.id}`,
    resources: `/api/resources/${ids.id}`,
    responses: `/api/responses/${ids.id}`,
    consultations: `/api/consultations/${ids.id}`,
    events: `/api/events/${ids.id}`,
  };
  const object = ids.id && reads[area ?? ""] ? (await boss.get(reads[area ?? ""]!)).json : null;
  const own = f.actors[actor];
  const mine = own.cookie
    ? await Promise.all(
        [
          "/api/resources/mine",
          "/api/responses/mine",
          "/api/consultations/mine",
          "/api/events/registrations/mine",
          "/api/auth/session",
        ].map(async (path) => (await own.get(path)).json),
      )
    : null;
  return JSON.stringify({ object, mine });
}

const shapeOf = (schema: unknown): Record<string, unknown> =>
  (schema as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape ?? {};

const extras = [
  "role",
  "roles",
  "orgId",
  "organisationId",
  "ownerId",
  "status",
  "version",
  "createdAt",
  "accountId",
];

describe("mass assignment", () => {
  const writes = areaOperations.filter((operation) => operation.body && operation.method !== "get");
  for (const operation of writes) {
    it(`${key(operation)} refuses fields it does not take, and stores nothing`, async () => {
      const rule = rules[key(operation)]!;
      const actor = allowedActor(rule);
      const ids = rule.ids ? await rule.ids(f) : defaultIds(f, operation);
      const path = fill(operation.path, ids) + (rule.query ? `?${await rule.query(f, ids)}` : "");
      const valid = (await rule.body?.(f, ids, actor)) as Record<string, unknown>;
      const known = shapeOf(operation.body);
      const added = Object.fromEntries(
        extras.filter((name) => !(name in known)).map((name) => [name, name === "version" ? 99 : "escalate"]),
      );
      const before = await snapshot(operation, ids, actor);
      const caller = Object.assign(new Client(), { cookie: f.actors[actor].cookie });
      const answer = await rawRequest(caller, operation.method.toUpperCase(), path, { ...valid, ...added });
      expect(answer.status, answer.text).toBe(422);
      const { error } = JSON.parse(answer.text);
      expect(error.code).toBe("invalid");
      for (const name of Object.keys(added)) expect(error.fields[name], name).toBe("Неизвестное поле");
      expect(await snapshot(operation, ids, actor)).toBe(before);
    });
  }
});

describe("bodies over the size limit and of the wrong type", () => {
  const withBody = areaOperations.filter((operation) => operation.body || operation.upload);
  for (const operation of withBody) {
    it(`${key(operation)}: 413 over ${operation.upload ? "its upload limit" : "64 KB"}, 415 for another type`, async () => {
      const rule = rules[key(operation)]!;
      const actor = allowedActor(rule);
      const ids = rule.ids ? await rule.ids(f) : defaultIds(f, operation);
      const path = fill(operation.path, ids) + (rule.query ? `?${await rule.query(f, ids)}` : "");
      const caller = Object.assign(new Client(), { cookie: f.actors[actor].cookie });
      const method = operation.method.toUpperCase();
      const limit = operation.upload?.maxBytes ?? 64 * 1024;
      const before = await snapshot(operation, ids, actor);

      const huge = operation.upload
        ? await caller.upload(method as "PUT" | "POST", path, new Uint8Array(limit + 1), "image/png")
        : await caller.request(method, path, JSON.stringify({ text: "я".repeat(limit) }));
      expect(huge.status).toBe(413);
      expect(huge.json.error.code).toBe("too_large");

      const valid = operation.upload ? "{}" : JSON.stringify((await rule.body?.(f, ids, actor)) ?? {});
      for (const type of [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        const wrong = await caller.request(method, path, valid, { "content-type": type });
        expect(wrong.status, `${type}: ${JSON.stringify(wrong.json)}`).toBe(415);
        expect(wrong.json.error.code).toBe("unsupported_media_type");
      }
      expect(await snapshot(operation, ids, actor)).toBe(before);
    });
  }
});

describe("the access-control matrix", () => {
  it("has a rule for every operation of the route table, and none for routes that are gone", () => {
    const keys = areaOperations.map(key);
    expect(
      keys.filter((k) => !(k in rules)),
      "operations without an access rule",
    ).toEqual([]);
    expect(
      Object.keys(rules).filter((k) => !keys.includes(k)),
      "rules for no operation",
    ).toEqual([]);
    for (const operation of areaOperations) {
      const rule = rules[key(operation)]!;
      // A role-only operation must not be opened wider by its rule, nor a personal one to guests.
      if (operation.access === "coordinator") expect(rule.may, key(operation)).toEqual(coordinatorOnly);
      if (operation.access !== "guest") expect(rule.may, key(operation)).not.toBe("everyone");
    }
  });

  const ordered = [
    ...areaOperations.filter((operation) => !last.includes(key(operation))),
    ...last.map((k) => areaOperations.find((operation) => key(operation) === k)!),
  ];

  for (const operation of ordered) {
    const route = key(operation);
    it(route, async () => {
      const rule = rules[route]!;
      const shared = rule.ids ? await rule.ids(f) : defaultIds(f, operation);
      // Those who may not go first: their attempts must leave the object as it was for the others.
      const order = [...actorNames].sort((a, b) => Number(mayAct(rule.may, a)) - Number(mayAct(rule.may, b)));
      const problems: string[] = [];
      for (const actor of order) {
        // Each actor who may gets objects of its own: one's change must not decide another's answer.
        const ids = rule.ids && mayAct(rule.may, actor) ? await rule.ids(f) : shared;
        const path = fill(operation.path, ids);
        let client = f.actors[actor];
        if (rule.ownSession && actor !== "guest") {
          const { Auth } = await import("@cluster/core");
          client = Object.assign(new Client(), { email: client.email });
          client.cookie = `session=${await Auth.createSession(f.actors[actor].accountId!)}`;
        }
        // A copy of the cookie: an answer that signs someone in must not change the actor.
        const caller = Object.assign(new Client(), { cookie: client.cookie });
        const query = rule.query ? `?${await rule.query(f, ids)}` : "";
        const url = `${path}${query}`;
        const raw = operation.upload
          ? await rawUpload(caller, operation.method.toUpperCase(), url)
          : await rawRequest(
              caller,
              operation.method.toUpperCase(),
              url,
              operation.body ? ((await rule.body?.(f, ids, actor)) ?? {}) : undefined,
            );
        outcomes.push({ route, actor, status: raw.status, text: raw.text });
        const want = expected(operation, rule, actor);
        const ok =
          want === "allowed"
            ? raw.status < 400 || raw.status === 409
            : want === "unauthorized"
              ? raw.status === 401
              : raw.status === 403 || raw.status === 404;
        if (!ok) problems.push(`${actor}: expected ${want}, got ${raw.status} ${raw.text.slice(0, 200)}`);
        if (raw.status >= 400) {
          const json = JSON.parse(raw.text);
          if (typeof json?.error?.code !== "string" || typeof json.error.message !== "string") {
            problems.push(`${actor}: ${raw.status} not in the error shape: ${raw.text.slice(0, 200)}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it("never shows private fields to those who may not see them", () => {
    const leaks: string[] = [];
    const secrets: { what: string; value: string; seenBy: ActorName[] }[] = [
      { what: "A's unpublished phone", value: f.privatePhone, seenBy: ["memberA", "coordinator"] },
      { what: "A's unpublished contact person", value: f.privatePerson, seenBy: ["memberA", "coordinator"] },
      { what: "A's private question", value: f.privateTitle, seenBy: ["memberA", "expert", "coordinator"] },
      // C responded to A's listing, but A never accepted: C's contacts stay hidden from A.
      { what: "a pending responder's email", value: f.memberC.email, seenBy: ["coordinator"] },
      { what: "A's representative's email", value: f.memberA.email, seenBy: ["memberA", "coordinator"] },
      { what: "an event's online link", value: f.eventLink, seenBy: ["coordinator"] },
      {
        what: "a members-only material",
        value: f.membersOnlyTitle,
        seenBy: ["memberA", "memberB", "expert", "official", "coordinator"],
      },
    ];
    for (const outcome of outcomes) {
      for (const secret of secrets) {
        if (!secret.seenBy.includes(outcome.actor) && outcome.text.includes(secret.value)) {
          leaks.push(`${outcome.route} → ${outcome.actor}: ${secret.what}`);
        }
      }
    }
    expect(outcomes.length).toBe(areaOperations.length * actorNames.length);
    // The check can see: each secret but the responder's email does reach those who may see it.
    for (const secret of secrets.filter((s) => s.value !== f.memberC.email)) {
      const shown = outcomes.some((o) => secret.seenBy.includes(o.actor) && o.text.includes(secret.value));
      expect(shown, `${secret.what} is shown to ${secret.seenBy.join(", ")}`).toBe(true);
    }
    expect(leaks).toEqual([]);
  });
});

async function rawRequest(client: Client, method: string, path: string, body?: unknown) {
  const { portalUrl } = await import("./client");
  const response = await fetch(`${portalUrl()}${path}`, {
    method,
    redirect: "manual",
    headers: {
      origin: portalUrl(),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function rawUpload(client: Client, method: string, path: string) {
  const { portalUrl } = await import("./client");
  const response = await fetch(`${portalUrl()}${path}`, {
    method,
    headers: {
      "content-type": "image/png",
      origin: portalUrl(),
      ...(client.cookie ? { cookie: client.cookie } : {}),
    },
    body: tinyPng,
  });
  return { status: response.status, text: await response.text() };
}
