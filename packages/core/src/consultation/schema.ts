import * as z from "zod/mini";
import { consultationTopicIds } from "../reference";
import { cursor, limit, text, version, website } from "../shared/fields";

export const Topic = z.enum(consultationTopicIds, { error: "Выберите тему" });

const body = (label: string) => text(label, 1, 10_000);

export const AskQuestion = z.strictObject({
  topic: Topic,
  title: text("вопрос кратко", 10, 200).check(z.regex(/^[^\r\n]*$/, { error: "Заголовок — в одну строку" })),
  text: text("подробности", 20, 10_000),
  links: z._default(z.array(website).check(z.maxLength(5, { error: "Не больше 5 ссылок" })), []),
  /** An authority body (an approved organisation of kind "authority") for an official answer; absent: experts. */
  bodyId: z.optional(
    z
      .string({ error: "Выберите орган власти" })
      .check(z.minLength(1, { error: "Выберите орган власти" }), z.maxLength(40)),
  ),
  visibility: z.enum(["public", "private"], { error: "Выберите, публиковать ли вопрос" }),
  /** On behalf of this organisation; absent for a private person. */
  organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  /** For a public question: show the organisation, or publish it anonymously. */
  showOrganisation: z._default(z.boolean(), true),
});
export type AskQuestion = z.infer<typeof AskQuestion>;

export const PostText = z.strictObject({ text: body("ответ") });
export type PostText = z.infer<typeof PostText>;

export const TakeQuestion = z.strictObject({ version });

export const Reassign = z.strictObject({
  accountId: z
    .string({ error: "Выберите, кому назначить" })
    .check(z.minLength(1, { error: "Выберите, кому назначить" }), z.maxLength(40)),
  version,
});
export type Reassign = z.infer<typeof Reassign>;

export const SolveQuestion = z.strictObject({
  postId: z.string().check(z.minLength(1), z.maxLength(40)),
  rating: z
    .int({ error: "Оценка — от 1 до 5" })
    .check(z.gte(1, { error: "Оценка — от 1 до 5" }), z.lte(5, { error: "Оценка — от 1 до 5" })),
  version,
});
export type SolveQuestion = z.infer<typeof SolveQuestion>;

export const KnowledgeQuery = z.strictObject({
  topic: z.optional(Topic),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  cursor,
  limit,
});
export type KnowledgeQuery = z.infer<typeof KnowledgeQuery>;

export const QuestionStatus = z.enum(["open", "answered", "solved"]);

export const QuestionView = z.object({
  id: z.string(),
  topic: Topic,
  title: z.string(),
  text: z.string(),
  links: z.array(z.string()),
  visibility: z.enum(["public", "private"]),
  /** What the public sees of the asker: an organisation's name or nothing (anonymous). */
  askerOrganisation: z.optional(z.string()),
  body: z.optional(z.object({ id: z.string(), name: z.string() })),
  assignee: z.optional(z.string()),
  status: QuestionStatus,
  dueAt: z.string(),
  overdue: z.boolean(),
  firstAnsweredAt: z.optional(z.string()),
  solutionPostId: z.optional(z.string()),
  rating: z.optional(z.number()),
  createdAt: z.string(),
  version: z.number(),
  /** What the reader may do. */
  may: z.object({ take: z.boolean(), answer: z.boolean(), followUp: z.boolean(), solve: z.boolean() }),
});
export type QuestionView = z.infer<typeof QuestionView>;

export const PostView = z.object({
  id: z.string(),
  kind: z.enum(["answer", "followup"]),
  author: z.string(),
  officialOf: z.optional(z.string()),
  text: z.string(),
  createdAt: z.string(),
  editedAt: z.optional(z.string()),
  history: z.array(z.object({ text: z.string(), editedAt: z.string(), editor: z.string() })),
  mine: z.boolean(),
});
export type PostView = z.infer<typeof PostView>;

export const QuestionDetail = z.object({ question: QuestionView, posts: z.array(PostView) });
export type QuestionDetail = z.infer<typeof QuestionDetail>;

export const KnowledgeEntry = z.object({
  id: z.string(),
  topic: Topic,
  title: z.string(),
  excerpt: z.string(),
  solved: z.boolean(),
  body: z.optional(z.string()),
  answeredAt: z.string(),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntry>;

export const ScoreLine = z.object({
  received: z.number(),
  answered: z.number(),
  /** Of the questions answered or overdue; absent when there are none yet. */
  onTimePercent: z.optional(z.number()),
  medianHoursToFirstAnswer: z.optional(z.number()),
});
export type ScoreLine = z.infer<typeof ScoreLine>;

const Periods = z.array(z.extend(ScoreLine, { days: z.number() }));

export const Scorecard = z.object({
  scopes: z.array(z.object({ scope: z.string(), name: z.string(), periods: Periods })),
  /** Per person who answered: for coordinators only. */
  people: z.optional(z.array(z.object({ name: z.string(), periods: Periods }))),
});
export type Scorecard = z.infer<typeof Scorecard>;
