import type { Actor } from "../actor";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, Invalid, NotFound, stale } from "../errors";
import { isConditionFailure, queued } from "../mail";
import * as Templates from "../mail/templates";
import * as Clock from "../shared/clock";
import { detailOf, findEvent, organisedBy, registrationOf } from "./events";
import { sendOnce } from "./letters";
import type { EventOutcome, FeedbackResults, GiveFeedback } from "./schema";
import { db } from "./store";

const DAY = 86_400_000;
/** Attendees are asked for feedback while the event is fresh: within a week of its start. */
const ASK_WITHIN_DAYS = 7;

/**
 * The organiser records how it went: the summary or minutes and the materials (the recording,
 * the slides, links). The first record marks the event held; from then on attendees are asked
 * for feedback (by the events job) and may download their certificates. Allowed from the start on.
 */
export async function recordOutcome(actor: Actor, id: string, input: EventOutcome, now = Clock.now()) {
  const event = await organisedBy(actor, id, "Итоги подводит организатор или координатор");
  if (event.status !== "published")
    throw new Conflict("Итоги подводят у опубликованного мероприятия", "not_published");
  if (now.toISOString() < event.startsAt) {
    throw new Invalid({ summary: "Итоги можно подвести, когда мероприятие начнётся" });
  }
  if (event.version !== input.version) throw stale();
  const patch = db()
    .entities.event.patch({ id })
    .set({ heldAt: event.heldAt ?? now.toISOString(), materials: input.materials })
    .add({ version: 1 });
  await (input.summary ? patch.set({ summary: input.summary }) : patch.remove(["summary"]))
    .where(({ version }, { eq }) => eq(version, event.version))
    .go()
    .catch((error) => {
      throw isConditionFailure(error) ? stale() : error;
    });
  // The events job asks the attendees (within 15 minutes): a few hundred letters are not this request's to wait for.
  return detailOf(actor, await findEvent(id), undefined, now);
}

/**
 * Asks each attendee of a held event for feedback, once: the mark and the letter are one
 * transaction conditional on no mark. Run by the events job.
 */
async function askFeedback(id: string, now = Clock.now()) {
  const event = await findEvent(id);
  if (!event.heldAt || event.status !== "published") return 0;
  if (now.getTime() - Date.parse(event.startsAt) > ASK_WITHIN_DAYS * DAY) return 0;
  const { data } = await db().entities.registration.query.byEvent({ eventId: id }).go({ pages: "all" });
  let asked = 0;
  for (const registration of data) {
    if (!registration.checkedInAt || registration.feedbackAskedAt || registration.feedbackAt) continue;
    const letter = queued(Templates.feedbackAsked(registration.email, event));
    const sent = await sendOnce(letter, ({ registration: registrations }) =>
      registrations
        .patch({ eventId: id, accountId: registration.accountId })
        .set({ feedbackAskedAt: now.toISOString() })
        .where(({ feedbackAskedAt }, { notExists }) => notExists(feedbackAskedAt))
        .commit(),
    );
    // Not sent: asked by another run since the list was read.
    if (sent) asked++;
  }
  return asked;
}

/** The job's part: the events held this week whose attendees have not all been asked. */
export async function askFeedbackPending(now = Clock.now()) {
  const { data } = await db()
    .entities.event.query.byStatus({ status: "published" })
    .between(
      { startsAt: new Date(now.getTime() - ASK_WITHIN_DAYS * DAY).toISOString() },
      { startsAt: now.toISOString() },
    )
    .go({ pages: "all", attributes: ["id", "heldAt"] });
  let asked = 0;
  for (const { id, heldAt } of data) if (heldAt) asked += await askFeedback(id, now);
  return { askedForFeedback: asked };
}

/**
 * An attendee's rating and comment, once: the registration's mark and the event's counters
 * change in one transaction conditional on attendance and on no feedback yet.
 */
export async function giveFeedback(actor: Actor, id: string, input: GiveFeedback, now = Clock.now()) {
  if (actor.type !== "person") throw new Forbidden("Войдите, чтобы оставить отзыв");
  const event = await findEvent(id);
  if (event.status !== "published") throw new NotFound("Мероприятие не найдено");
  if (!event.heldAt) throw new Conflict("Отзывы принимаются после мероприятия", "not_held");
  const registration = await registrationOf(id, actor.accountId);
  if (!registration?.checkedInAt) throw new Forbidden("Отзыв оставляют те, чьё участие отмечено");
  if (registration.feedbackAt) throw new Conflict("Вы уже оставили отзыв", "feedback_given");
  try {
    await writeAll(db, ({ registration: registrations, event: events }) => {
      const mark = registrations
        .patch({ eventId: id, accountId: actor.accountId })
        .set({ feedbackAt: now.toISOString(), feedbackRating: input.rating });
      return [
        (input.comment ? mark.set({ feedbackComment: input.comment }) : mark)
          .where(
            ({ checkedInAt, feedbackAt }, { exists, notExists }) =>
              `${exists(checkedInAt)} AND ${notExists(feedbackAt)}`,
          )
          .commit(),
        events.patch({ id }).add({ feedbackCount: 1, feedbackTotal: input.rating }).commit(),
      ];
    });
  } catch (error) {
    if (error instanceof Canceled) throw new Conflict("Вы уже оставили отзыв", "feedback_given");
    throw error;
  }
  return detailOf(actor, await findEvent(id), await registrationOf(id, actor.accountId), now);
}

/** The organiser's view of the feedback: counts by rating, the average, and the comments, newest first. */
export async function feedbackResults(actor: Actor, id: string): Promise<FeedbackResults> {
  await organisedBy(actor, id, "Отзывы видят организатор и координаторы");
  const { data } = await db().entities.registration.query.byEvent({ eventId: id }).go({ pages: "all" });
  const given = data.filter((registration) => registration.feedbackAt && registration.feedbackRating);
  const ratings = [1, 2, 3, 4, 5].map((value) => given.filter((r) => r.feedbackRating === value).length);
  const total = given.reduce((sum, registration) => sum + registration.feedbackRating!, 0);
  return {
    count: given.length,
    average: given.length ? Math.round((total / given.length) * 10) / 10 : undefined,
    ratings,
    attended: data.filter((registration) => registration.checkedInAt).length,
    comments: given
      .filter((registration) => registration.feedbackComment)
      .sort((a, b) => (a.feedbackAt! < b.feedbackAt! ? 1 : -1))
      .map((registration) => ({
        rating: registration.feedbackRating!,
        comment: registration.feedbackComment!,
        at: registration.feedbackAt!,
      })),
  };
}
