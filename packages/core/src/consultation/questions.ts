import type { EntityItem } from "electrodb";
import { type Actor, hasRole, type Person, requireCoordinator, requirePerson } from "../actor";
import { pageOptions } from "../db/paging";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, Invalid, NotFound, stale } from "../errors";
import { searchKey } from "../identifiers";
import { deliver, isConditionFailure, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import { partyOf, represents } from "../member/party";
import { AUTHORITY_ANSWER_DAYS, consultationTopics } from "../reference";
import * as Search from "../search/index";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import { dueAt } from "./deadlines";
import type { KnowledgeEntryEntity, PostEntity, QuestionEntity } from "./entity";
import type {
  AskQuestion,
  KnowledgeEntry,
  KnowledgeQuery,
  PostText,
  PostView,
  QuestionDetail,
  QuestionView,
  Reassign,
  SolveQuestion,
} from "./schema";
import { type ConsultationWriters, type ConsultationWrites, db } from "./store";

type Item = EntityItem<typeof QuestionEntity>;
type Post = EntityItem<typeof PostEntity>;

async function find(id: string) {
  const { data } = await db().entities.question.get({ id }).go({ consistent: true });
  if (!data) throw new NotFound("Вопрос не найден");
  return data;
}

const topicRoute = (topic: string) => `topic#${topic}`;
/** The scorecard's scope of a question: its authority body, or the experts as a whole. */
export const scopeOf = (bodyId: string | undefined) => (bodyId ? `body#${bodyId}` : "experts");
const bodyRoute = (bodyId: string) => `body#${bodyId}`;

/** May this person take and answer questions of this route: an expert of the topic, an official of the body. */
async function answersFor(person: Person, question: Pick<Item, "route" | "topic" | "bodyId">) {
  if (question.bodyId) return hasRole(person, "official") && (await represents(person, question.bodyId));
  if (!hasRole(person, "expert")) return false;
  const { data } = await db()
    .entities.expertTopic.get({ topic: question.topic, accountId: person.accountId })
    .go();
  return Boolean(data);
}

type Relation = "asker" | "assignee" | "answerer" | "coordinator" | "public" | "none";

/** How the reader relates to the question; "none" sees nothing (404, not 403). */
async function relationTo(actor: Actor, item: Item): Promise<Relation> {
  if (actor.type === "person") {
    if (item.askerAccountId === actor.accountId) return "asker";
    if (item.assigneeAccountId === actor.accountId) return "assignee";
    if (await answersFor(actor, item)) return "answerer";
    if (hasRole(actor, "coordinator")) return "coordinator";
  }
  // A public question is published together with its answer.
  return item.visibility === "public" && item.status !== "open" ? "public" : "none";
}

function view(item: Item, relation: Relation, now = Clock.now()): QuestionView {
  const open = item.status === "open";
  return {
    id: item.id,
    topic: item.topic,
    title: item.title,
    text: item.text,
    links: item.links ?? [],
    visibility: item.visibility,
    askerOrganisation: item.showOrganisation || relation === "asker" ? item.askerOrganisationName : undefined,
    body: item.bodyId && item.bodyName ? { id: item.bodyId, name: item.bodyName } : undefined,
    assignee: item.assigneeName,
    status: item.status,
    dueAt: item.dueAt,
    overdue: open && now.toISOString() > item.dueAt,
    firstAnsweredAt: item.firstAnsweredAt,
    solutionPostId: item.solutionPostId,
    rating: item.rating,
    createdAt: item.createdAt,
    version: item.version,
    may: {
      take: !item.assigneeAccountId && (relation === "answerer" || relation === "coordinator"),
      answer: relation === "assignee",
      followUp: relation === "asker" && item.status !== "open",
      solve: relation === "asker" && item.status === "answered",
    },
  };
}

function postView(post: Post, reader?: string): PostView {
  return {
    id: post.id,
    kind: post.kind,
    author: post.authorName,
    officialOf: post.officialOf,
    text: post.text,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
    history: (post.history ?? []).map((entry) => ({
      text: entry.text,
      editedAt: entry.editedAt,
      editor: entry.editorName,
    })),
    mine: post.authorAccountId === reader,
  };
}

async function bodyOf(bodyId: string) {
  const { data } = await db().entities.organisation.get({ id: bodyId }).go();
  if (data?.kind !== "authority" || data.status !== "approved") {
    throw new Invalid({ bodyId: "Выберите орган власти из списка" });
  }
  return { id: data.id, name: data.shortName ?? data.name };
}

/** Those who answer a route, in id order: the topic's experts or the body's officials. */
export async function answerersOf(item: Pick<Item, "topic" | "bodyId">) {
  const { expertTopic, membership, account } = db().entities;
  const accountIds = item.bodyId
    ? (await membership.query.byOrganisation({ organisationId: item.bodyId }).go({ pages: "all" })).data.map(
        (link) => link.accountId,
      )
    : (await expertTopic.query.byTopic({ topic: item.topic }).go({ pages: "all" })).data.map(
        (row) => row.accountId,
      );
  if (accountIds.length === 0) return [];
  const { data } = await account.get(accountIds.map((id) => ({ id }))).go();
  return data
    .filter((person) => person.status === "active")
    .filter((person) => (person.roles ?? []).includes(item.bodyId ? "official" : "expert"))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A member or a private person asks; the question is routed and its deadline set at once. */
export async function ask(actor: Actor, input: AskQuestion, now = Clock.now()) {
  const person = requirePerson(actor);
  const asker = await partyOf(person, input.organisationId, { personally: true });
  const body = input.bodyId ? await bodyOf(input.bodyId) : undefined;
  const topic = consultationTopics.find((entry) => entry.id === input.topic);
  const due = dueAt(
    now,
    body ? { calendarDays: AUTHORITY_ANSWER_DAYS } : { businessDays: topic?.businessDays ?? 2 },
  ).toISOString();
  const id = ulid();
  const recipients = (await answerersOf({ topic: input.topic, bodyId: body?.id })).map(
    (person) => person.email,
  );
  const messages = recipients.map((to) =>
    queued(Templates.questionAsked(to, input.title, id, due, body?.name)),
  );
  await writeAll(db, ({ question, questionStat, outbox }) => [
    questionStat
      .create({ scope: scopeOf(body?.id), createdAt: now.toISOString(), questionId: id, dueAt: due })
      .commit(),
    question
      .create({
        id,
        topic: input.topic,
        title: input.title,
        text: input.text,
        links: input.links,
        visibility: input.visibility,
        showOrganisation: input.showOrganisation,
        askerAccountId: person.accountId,
        askerName: person.name,
        askerOrganisationId: asker.organisationId,
        askerOrganisationName: asker.organisationId ? asker.name : undefined,
        route: body ? bodyRoute(body.id) : topicRoute(input.topic),
        bodyId: body?.id,
        bodyName: body?.name,
        status: "open",
        dueAt: due,
        searchText: searchKey(`${input.title} ${input.text}`),
        createdAt: now.toISOString(),
      })
      .commit(),
    ...messages.map((message) => outbox.create(message).commit()),
  ]);
  await deliver(messages);
  return view(await find(id), "asker", now);
}

/** A question with its thread, for whoever may see it. */
export async function detail(actor: Actor, id: string): Promise<QuestionDetail> {
  const item = await find(id);
  const relation = await relationTo(actor, item);
  if (relation === "none") throw new NotFound("Вопрос не найден");
  const { data: posts } = await db()
    .entities.consultationPost.query.byQuestion({ questionId: id })
    .go({ pages: "all" });
  const reader = actor.type === "person" ? actor.accountId : undefined;
  return { question: view(item, relation), posts: posts.map((post) => postView(post, reader)) };
}

/** The questions the person asked, newest first. */
export async function mine(actor: Actor) {
  const person = requirePerson(actor);
  const { data } = await db()
    .entities.question.query.byAsker({ askerAccountId: person.accountId })
    .go({ pages: "all", order: "desc" });
  return data.map((item) => view(item, "asker"));
}

/**
 * An answerer's desk: unanswered questions of their topics or bodies (soonest due first, taken
 * or not), and those they took. Coordinators see every route.
 */
export async function desk(actor: Actor) {
  const person = requirePerson(actor);
  const { question, membership } = db().entities;
  const routes: string[] = [];
  if (hasRole(person, "coordinator")) {
    routes.push(...consultationTopics.map((topic) => topicRoute(topic.id)));
  } else if (hasRole(person, "expert")) {
    const { data: account } = await db().entities.account.get({ id: person.accountId }).go();
    routes.push(...(account?.expertTopics ?? []).map(topicRoute));
  }
  if (hasRole(person, "official") || hasRole(person, "coordinator")) {
    const { data: links } = await membership.query
      .byAccount({ accountId: person.accountId })
      .go({ pages: "all" });
    routes.push(...links.map((link) => bodyRoute(link.organisationId)));
  }
  const [queues, taken] = await Promise.all([
    Promise.all(routes.map((route) => question.query.unanswered({ route }).go({ pages: "all" }))),
    question.query.byAssignee({ assigneeAccountId: person.accountId }).go({ pages: "all", order: "desc" }),
  ]);
  const unanswered = queues.flatMap(({ data }) => data).sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1));
  return {
    unanswered: unanswered.map((item) =>
      view(item, item.assigneeAccountId === person.accountId ? "assignee" : "answerer"),
    ),
    taken: taken.data.map((item) => view(item, "assignee")),
  };
}

/** "Беру в работу": an answerer of the route (or a coordinator) takes an untaken question. */
export async function take(actor: Actor, id: string, { version }: { version: number }) {
  const person = requirePerson(actor);
  const item = await find(id);
  const relation = await relationTo(person, item);
  if (relation === "none" || relation === "public") throw new NotFound("Вопрос не найден");
  if (item.assigneeAccountId) throw new Conflict(`Вопрос уже взял в работу ${item.assigneeName}`, "taken");
  if (relation !== "answerer" && relation !== "coordinator") {
    throw new Forbidden("Взять вопрос может эксперт по теме или представитель органа власти");
  }
  if (item.version !== version) throw stale();
  try {
    await db()
      .entities.question.patch({ id })
      .set({
        assigneeAccountId: person.accountId,
        assigneeName: person.name,
        assignedAt: Clock.nowIso(),
      })
      .composite({ createdAt: item.createdAt })
      .add({ version: 1 })
      .where(
        ({ version, assigneeAccountId }, { eq, notExists }) =>
          `${eq(version, item.version)} AND ${notExists(assigneeAccountId)}`,
      )
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw stale();
    throw error;
  }
  return view(await find(id), "assignee");
}

/** For a coordinator reassigning a question: who may answer it. */
export async function answerers(actor: Actor, id: string) {
  requireCoordinator(actor);
  const people = await answerersOf(await find(id));
  return people.map((person) => ({ id: person.id, name: person.name }));
}

/** A coordinator gives an unanswered question to one of its route's answerers, who is emailed. */
export async function reassign(actor: Actor, id: string, { accountId, version }: Reassign) {
  const coordinator = requireCoordinator(actor);
  const item = await find(id);
  if (item.version !== version) throw stale();
  if (item.status !== "open") throw new Conflict("На вопрос уже ответили", "answered");
  const person = (await answerersOf(item)).find((candidate) => candidate.id === accountId);
  if (!person) throw new Invalid({ accountId: "Выберите эксперта или представителя органа из списка" });
  const messages = [
    queued(Templates.questionAssigned(person.email, item.title, id, item.dueAt, coordinator.name)),
  ];
  try {
    await writeAll(db, ({ question, outbox }) => [
      question
        .patch({ id })
        .set({
          assigneeAccountId: person.id,
          assigneeName: person.name,
          assignedAt: Clock.nowIso(),
        })
        .composite({ createdAt: item.createdAt })
        .add({ version: 1 })
        .where(({ version }, { eq }) => eq(version, item.version))
        .commit(),
      ...messages.map((message) => outbox.create(message).commit()),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  await deliver(messages);
  return view(await find(id), "coordinator");
}

/**
 * What publishing an answered public question writes: its rows under its topic and "all"
 * (browsing), and its terms for the portal's search (ADR 018). Answered questions stay published,
 * so the index rows are only ever rewritten.
 */
function knowledgeWrites(
  { knowledgeEntry, searchTerm }: ConsultationWriters,
  item: Item,
  answeredAt: string,
  excerpt: string,
) {
  const shown: Shown = {
    answeredAt,
    questionId: item.id,
    topic: item.topic,
    title: item.title,
    excerpt,
    solved: item.status === "solved",
    bodyName: item.bodyName,
  };
  return [
    ...[`t=${item.topic}`, "t=*"].map((facet) =>
      knowledgeEntry.put({ facet, searchText: item.searchText, ...shown }).commit(),
    ),
    ...Search.indexWrites(searchTerm, "answers", undefined, answerDocument(shown, item.text)),
  ];
}

/** What the search knows of an answered public question: found by its title and text, shown as the knowledge base shows it. */
export const answerDocument = (shown: Shown, text: string): Search.SearchDocument<KnowledgeEntry> => ({
  id: shown.questionId,
  title: shown.title,
  text,
  at: shown.answeredAt,
  filters: { topic: shown.topic },
  view: entryView(shown),
});

const excerptOf = (text: string) => (text.length > 240 ? `${text.slice(0, 237).trimEnd()}…` : text);

/** Writes the next state of a question conditional on the version read, with its other writes. */
async function save(current: Item, next: Item, more: (entities: ConsultationWriters) => ConsultationWrites) {
  try {
    await writeAll(db, (entities) => [
      entities.question
        .put(next)
        .where(({ version }, { eq }) => eq(version, current.version))
        .commit(),
      ...more(entities),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
}

/** The assignee answers; the asker is emailed. The first answer publishes a public question. */
export async function answer(actor: Actor, id: string, { text }: PostText) {
  const person = requirePerson(actor);
  const item = await find(id);
  const relation = await relationTo(person, item);
  if (relation === "none") throw new NotFound("Вопрос не найден");
  if (relation !== "assignee") throw new Forbidden("Ответить может тот, кто взял вопрос в работу");
  const now = Clock.nowIso();
  const first = item.status === "open";
  const next: Item = {
    ...item,
    status: item.status === "solved" ? "solved" : "answered",
    firstAnsweredAt: item.firstAnsweredAt ?? now,
    version: item.version + 1,
  };
  const post = {
    questionId: id,
    id: ulid(),
    kind: "answer" as const,
    authorAccountId: person.accountId,
    authorName: person.name,
    officialOf: item.bodyId ? item.bodyName : undefined,
    text,
  };
  const { data: asker } = await db().entities.account.get({ id: item.askerAccountId }).go();
  const messages: Queued[] = asker
    ? [queued(Templates.questionAnswered(asker.email, item.title, id, person.name))]
    : [];
  await save(item, next, (entities) => [
    entities.consultationPost.create(post).commit(),
    ...(first
      ? [
          // update, not patch: a question asked before stats existed gets one now.
          entities.questionStat
            .update({ scope: scopeOf(item.bodyId), createdAt: item.createdAt, questionId: id })
            .set({
              dueAt: item.dueAt,
              firstAnsweredAt: now,
              answeredByAccountId: person.accountId,
              answeredByName: person.name,
            })
            .commit(),
        ]
      : []),
    ...(first && item.visibility === "public" ? knowledgeWrites(entities, next, now, excerptOf(text)) : []),
    ...messages.map((message) => entities.outbox.create(message).commit()),
  ]);
  await deliver(messages);
  return detail(actor, id);
}

/** The asker writes a follow-up; the assignee is emailed. */
export async function followUp(actor: Actor, id: string, { text }: PostText) {
  const person = requirePerson(actor);
  const item = await find(id);
  const relation = await relationTo(person, item);
  if (relation === "none") throw new NotFound("Вопрос не найден");
  if (relation !== "asker") throw new Forbidden("Уточнять вопрос может только его автор");
  if (item.status === "open") throw new Conflict("Дождитесь первого ответа", "not_answered");
  const { data: assignee } = item.assigneeAccountId
    ? await db().entities.account.get({ id: item.assigneeAccountId }).go()
    : { data: undefined };
  const messages = assignee ? [queued(Templates.questionFollowUp(assignee.email, item.title, id, text))] : [];
  await writeAll(db, ({ consultationPost, outbox }) => [
    consultationPost
      .create({
        questionId: id,
        id: ulid(),
        kind: "followup",
        authorAccountId: person.accountId,
        authorName: person.name,
        text,
      })
      .commit(),
    ...messages.map((message) => outbox.create(message).commit()),
  ]);
  await deliver(messages);
  return detail(actor, id);
}

/** The author edits an answer; the earlier text stays in its history. An accepted answer is final. */
export async function editPost(actor: Actor, id: string, postId: string, { text }: PostText) {
  const person = requirePerson(actor);
  const item = await find(id);
  if ((await relationTo(person, item)) === "none") throw new NotFound("Вопрос не найден");
  const { data: post } = await db()
    .entities.consultationPost.get({ questionId: id, id: postId })
    .go({ consistent: true });
  if (!post) throw new NotFound("Ответ не найден");
  if (post.authorAccountId !== person.accountId) throw new Forbidden("Изменить можно только свой ответ");
  if (item.solutionPostId === postId) {
    throw new Conflict("Ответ отмечен как решение: изменить его нельзя, напишите новый", "accepted");
  }
  const editedAt = Clock.nowIso();
  const earlier = { text: post.text, editedAt: post.editedAt ?? post.createdAt, editorName: person.name };
  try {
    await db()
      .entities.consultationPost.patch({ questionId: id, id: postId })
      .set({ text, editedAt, history: [...(post.history ?? []), earlier] })
      .where(({ text: current }, { eq }) => eq(current, post.text))
      .go();
  } catch (error) {
    if (isConditionFailure(error)) throw stale();
    throw error;
  }
  return detail(actor, id);
}

/** Only the asker marks an answer as the solution and rates it (1–5). */
export async function solve(actor: Actor, id: string, { postId, rating, version }: SolveQuestion) {
  const person = requirePerson(actor);
  const item = await find(id);
  const relation = await relationTo(person, item);
  if (relation === "none") throw new NotFound("Вопрос не найден");
  if (relation !== "asker") throw new Forbidden("Отметить решение может только автор вопроса");
  if (item.version !== version) throw stale();
  if (item.status !== "answered")
    throw new Conflict("Отметить решение можно после ответа, один раз", "not_answered");
  const { data: post } = await db().entities.consultationPost.get({ questionId: id, id: postId }).go();
  if (post?.kind !== "answer") throw new Invalid({ postId: "Выберите ответ" });
  const next: Item = {
    ...item,
    status: "solved",
    solutionPostId: postId,
    rating,
    solvedAt: Clock.nowIso(),
    version: item.version + 1,
  };
  const published = item.visibility === "public" && item.firstAnsweredAt;
  const { data: posts } = await db()
    .entities.consultationPost.query.byQuestion({ questionId: id })
    .go({ pages: "all" });
  const firstAnswer = posts.find((candidate) => candidate.kind === "answer") ?? post;
  await save(item, next, (entities) =>
    published ? knowledgeWrites(entities, next, item.firstAnsweredAt ?? "", excerptOf(firstAnswer.text)) : [],
  );
  return detail(actor, id);
}

type Shown = Omit<EntityItem<typeof KnowledgeEntryEntity>, "facet" | "searchText">;

const entryView = (entry: Shown): KnowledgeEntry => ({
  id: entry.questionId,
  topic: entry.topic,
  title: entry.title,
  excerpt: entry.excerpt,
  solved: entry.solved,
  body: entry.bodyName,
  answeredAt: entry.answeredAt,
});

/**
 * The knowledge base: answered public questions, newest answer first: without words the topic's
 * rows, with words the portal's search over answers of the topic.
 */
export async function knowledge(query: KnowledgeQuery) {
  const { topic, cursor, limit } = query;
  if (query.q)
    return Search.find<KnowledgeEntry>("answers", { q: query.q, filters: { topic }, cursor, limit });
  const { data, cursor: next } = await db()
    .entities.knowledgeEntry.query.byFacet({ facet: `t=${topic ?? "*"}` })
    .go({ ...pageOptions(cursor, limit, false), order: "desc" });
  return { items: data.map(entryView), cursor: next };
}

/**
 * Indexes the knowledge base for the search, a page at a time (the migration); `progress` hears
 * how many are done.
 */
export const reindexSearch = (progress?: (done: number) => void) =>
  Search.reindexAll(
    "answers",
    (cursor) => db().entities.knowledgeEntry.query.byFacet({ facet: "t=*" }).go({ cursor, limit: 100 }),
    async (entries) => {
      const ids = entries.map(({ questionId }) => ({ id: questionId }));
      const { data: questions } = await db().entities.question.get(ids).go();
      const texts = new Map(questions.map((item) => [item.id, item.text]));
      return entries.map(({ facet, searchText, ...shown }) =>
        answerDocument(shown, texts.get(shown.questionId) ?? ""),
      );
    },
    progress,
  );
