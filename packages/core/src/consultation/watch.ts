import type { EntityItem } from "electrodb";
import { coordinatorEmails } from "../account/coordinators";
import { config } from "../config";
import { Canceled, writeAll } from "../db/transaction";
import { deliver, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import { consultationTopics } from "../reference";
import * as Clock from "../shared/clock";
import type { QuestionEntity } from "./entity";
import { answerersOf } from "./questions";
import { db } from "./store";

type Item = EntityItem<typeof QuestionEntity>;

const HOUR_MS = 3600_000;

/** How long before the due time the reminder goes out: a day for experts, three for authority bodies. */
const remindBeforeMs = (item: Item) => (item.bodyId ? 72 : 24) * HOUR_MS;

/** After this long untaken, a question is assigned round-robin (AUTO_ASSIGN_HOURS). */
const autoAssignAfterMs = () => config().autoAssignHours * HOUR_MS;

/** Every route that can hold unanswered questions: the topics and the approved authority bodies. */
async function routes() {
  const { data: bodies } = await db()
    .entities.organisation.query.directory({ status: "approved" })
    .where(({ kind }, { eq }) => eq(kind, "authority"))
    .go({ pages: "all" });
  return [
    ...consultationTopics.map((topic) => `topic#${topic.id}`),
    ...bodies.map((body) => `body#${body.id}`),
  ];
}

/**
 * Marks a question (reminded, escalated or assigned) and queues its letters in one transaction,
 * conditional on the mark being absent: a re-run of the job, or two runs at once, never send twice.
 */
async function mark(
  item: Item,
  set: Partial<Item>,
  unmarked: "remindedAt" | "escalatedAt" | "assigneeAccountId",
  messages: Queued[],
) {
  try {
    await writeAll(db, ({ question, outbox }) => [
      question
        .patch({ id: item.id })
        .set(set)
        .composite({ createdAt: item.createdAt })
        .add({ version: 1 })
        .where(
          (attributes, { notExists, eq }) =>
            `${notExists(attributes[unmarked])} AND ${eq(attributes.status, "open")}`,
        )
        .commit(),
      ...messages.map((message) => outbox.create(message).commit()),
    ]);
  } catch (error) {
    if (error instanceof Canceled) return false;
    throw error;
  }
  await deliver(messages);
  return true;
}

/** The next answerer after the one who got this route's last assignment, in id order. */
async function nextInTurn(item: Item) {
  const eligible = await answerersOf(item);
  if (eligible.length === 0) return undefined;
  const { data: recent } = await db()
    .entities.question.query.unanswered({ route: item.route })
    .go({ pages: "all" });
  const last = recent
    .filter((other) => other.assignedAt && other.id !== item.id)
    .sort((a, b) => ((a.assignedAt ?? "") < (b.assignedAt ?? "") ? 1 : -1))[0]?.assigneeAccountId;
  const after = last ? eligible.findIndex((person) => person.id > last) : 0;
  return eligible[after === -1 ? 0 : after];
}

/**
 * The deadline job: for every unanswered question, soonest due first, it
 * - assigns an untaken one round-robin after AUTO_ASSIGN_HOURS,
 * - reminds the assignee (or, untaken, the answerers of the route) before the due time,
 * - on overdue, tells the coordinators.
 * Each happens once per question.
 */
export async function watchDeadlines(now = Clock.now()) {
  const counts = { assigned: 0, reminded: 0, escalated: 0 };
  const coordinators = await coordinatorEmails();
  for (const route of await routes()) {
    const { data } = await db().entities.question.query.unanswered({ route }).go({ pages: "all" });
    for (let item of data) {
      const due = new Date(item.dueAt).getTime();
      if (
        !item.assigneeAccountId &&
        now.getTime() - new Date(item.createdAt).getTime() >= autoAssignAfterMs()
      ) {
        const person = await nextInTurn(item);
        if (
          person &&
          (await mark(
            item,
            { assigneeAccountId: person.id, assigneeName: person.name, assignedAt: now.toISOString() },
            "assigneeAccountId",
            [queued(Templates.questionAssigned(person.email, item.title, item.id, item.dueAt))],
          ))
        ) {
          counts.assigned++;
          item = { ...item, assigneeAccountId: person.id, assigneeName: person.name };
        }
      }
      if (!item.remindedAt && now.getTime() >= due - remindBeforeMs(item) && now.getTime() < due) {
        const to = item.assigneeAccountId
          ? [(await db().entities.account.get({ id: item.assigneeAccountId }).go()).data?.email].filter(
              (email): email is string => Boolean(email),
            )
          : (await answerersOf(item)).map((person) => person.email);
        const messages = to.map((email) =>
          queued(
            Templates.questionDueSoon(
              email,
              item.title,
              item.id,
              item.dueAt,
              Boolean(item.assigneeAccountId),
            ),
          ),
        );
        if (await mark(item, { remindedAt: now.toISOString() }, "remindedAt", messages)) counts.reminded++;
      }
      if (!item.escalatedAt && now.getTime() > due) {
        const messages = coordinators.map((email) =>
          queued(Templates.questionOverdue(email, item.title, item.id, item.assigneeName)),
        );
        if (await mark(item, { escalatedAt: now.toISOString() }, "escalatedAt", messages)) counts.escalated++;
      }
    }
  }
  return counts;
}
