import type { EntityItem } from "electrodb";
import { type Actor, hasRole, requirePerson } from "../actor";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, Invalid, NotFound, stale } from "../errors";
import { deliver, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import { partyOf, represents } from "../member/party";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import { type ListingEntity, openStatuses, type ResponseEntity } from "./entity";
import { contributionFor } from "./ledger";
import { canManage, findListing, listingWrites } from "./listings";
import type {
  Contact,
  CreateResponse,
  DeclineResponse,
  PostMessage,
  ResponseDetail,
  ResponseView,
} from "./schema";
import { db } from "./store";

type Item = EntityItem<typeof ResponseEntity>;
type Listing = EntityItem<typeof ListingEntity>;
type Role = ResponseView["role"];

async function findResponse(id: string) {
  const { data } = await db().entities.response.get({ id }).go({ consistent: true });
  if (!data) throw new NotFound("Отклик не найден");
  return data;
}

function view(item: Item, listing: Listing, role: Role): ResponseView {
  return {
    id: item.id,
    listing: { id: listing.id, kind: listing.kind, title: listing.title, ownerName: listing.ownerName },
    responder: { name: item.responderName, organisationId: item.responderOrganisationId },
    message: item.message,
    quantity: item.quantity,
    wantedFrom: item.wantedFrom,
    wantedTo: item.wantedTo,
    status: item.status,
    declineReason: item.declineReason,
    createdAt: item.createdAt,
    version: item.version,
    role,
  };
}

/** Which side of a response the person is on; those on neither side get a 404, not a hint. */
async function roleIn(actor: Actor, item: Item, listing: Listing): Promise<Role> {
  const person = requirePerson(actor);
  if (item.responderAccountId === person.accountId) return "responder";
  if (listing.accountId === person.accountId) return "owner";
  if (listing.organisationId && (await represents(person, listing.organisationId))) return "owner";
  if (item.responderOrganisationId && (await represents(person, item.responderOrganisationId))) {
    return "responder";
  }
  if (hasRole(person, "coordinator")) return "coordinator";
  throw new NotFound("Отклик не найден");
}

async function emailOf(accountId: string) {
  const { data } = await db().entities.account.get({ id: accountId }).go();
  return data?.email;
}

/** A member answers a published listing; its owner is told by email. */
export async function respond(actor: Actor, input: CreateResponse) {
  const person = requirePerson(actor);
  const listing = await findListing(input.listingId).catch(() => {
    throw new NotFound("Объявление не найдено");
  });
  if (listing.status !== "published") throw new Conflict("Объявление закрыто для откликов", "closed");
  if (await canManage(person, listing)) {
    throw new Conflict("Нельзя откликнуться на своё объявление", "own_listing");
  }
  const fields: Record<string, string> = {};
  if (input.quantity !== undefined && listing.remaining !== undefined && input.quantity > listing.remaining) {
    fields.quantity = `Доступно не больше ${listing.remaining}`;
  }
  if (input.wantedFrom && input.wantedFrom < listing.availableFrom) {
    fields.wantedFrom = "Раньше начала срока объявления";
  }
  if (input.wantedTo && listing.availableTo && input.wantedTo > listing.availableTo) {
    fields.wantedTo = "Позже окончания срока объявления";
  }
  if (Object.keys(fields).length > 0) throw new Invalid(fields);

  const responder = await partyOf(
    person,
    input.organisationId,
    listing.kind === "request"
      ? { personally: true }
      : { personally: false, refusal: "Получить ресурс может организация-участник: выберите организацию" },
  );
  const id = ulid();
  const ownerEmail = await emailOf(listing.accountId);
  const messages = ownerEmail
    ? [queued(Templates.responseReceived(ownerEmail, listing.title, responder.name, id))]
    : [];
  await writeAll(db, ({ response, outbox }) => [
    response
      .create({
        id,
        listingId: listing.id,
        responderKey: responder.key,
        responderName: responder.name,
        responderOrganisationId: responder.organisationId,
        responderAccountId: person.accountId,
        message: input.message,
        quantity: input.quantity ?? (listing.remaining === undefined ? undefined : 1),
        wantedFrom: input.wantedFrom,
        wantedTo: input.wantedTo,
        status: "pending",
      })
      .commit(),
    ...messages.map((message) => outbox.create(message).commit()),
  ]);
  await deliver(messages);
  return view(await findResponse(id), listing, "responder");
}

async function contactOf(accountId: string, organisation?: string): Promise<Contact> {
  const { data } = await db().entities.account.get({ id: accountId }).go();
  return { name: data?.name ?? "—", organisation, email: data?.email ?? "—", phone: data?.phone };
}

/** A response with its conversation; contacts of both sides once accepted. */
export async function detail(actor: Actor, id: string): Promise<ResponseDetail> {
  const item = await findResponse(id);
  const listing = await findListing(item.listingId);
  const role = await roleIn(actor, item, listing);
  const person = requirePerson(actor);
  const { data: thread } = await db()
    .entities.responseMessage.query.byResponse({ responseId: id })
    .go({ pages: "all" });
  const agreed = item.status === "accepted" || item.status === "fulfilled";
  return {
    response: view(item, listing, role),
    messages: thread.map((message) => ({
      id: message.id,
      author: message.authorName,
      mine: message.authorAccountId === person.accountId,
      text: message.text,
      createdAt: message.createdAt,
    })),
    contacts: agreed
      ? {
          owner: await contactOf(listing.accountId, listing.organisationId ? listing.ownerName : undefined),
          responder: await contactOf(
            item.responderAccountId,
            item.responderOrganisationId ? item.responderName : undefined,
          ),
        }
      : undefined,
  };
}

/** The responses to a listing, for its owner and coordinators; newest first. */
export async function responsesTo(actor: Actor, listingId: string) {
  const person = requirePerson(actor);
  const listing = await findListing(listingId);
  if (!(await canManage(person, listing))) throw new NotFound("Объявление не найдено");
  const { data } = await db()
    .entities.response.query.byListing({ listingId })
    .go({ pages: "all", order: "desc" });
  const role: Role =
    hasRole(person, "coordinator") && listing.accountId !== person.accountId ? "coordinator" : "owner";
  return data.map((item) => view(item, listing, role));
}

/** The person's own responses, newest first. */
export async function myResponses(actor: Actor) {
  const person = requirePerson(actor);
  const { data } = await db()
    .entities.response.query.byResponder({ responderAccountId: person.accountId })
    .go({ pages: "all", order: "desc" });
  const ids = [...new Set(data.map((item) => item.listingId))];
  const { data: listings } = await db()
    .entities.listing.get(ids.map((listingId) => ({ id: listingId })))
    .go();
  const byId = new Map(listings.map((listing) => [listing.id, listing]));
  return data.flatMap((item) => {
    const listing = byId.get(item.listingId);
    return listing ? [view(item, listing, "responder")] : [];
  });
}

const TRIES = 10;
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * (attempt + 1)));

/** What a change of a response writes: its new fields, the listing's next state if it moves, mail. */
type Plan = { set: Partial<Item>; next?: Listing; messages: Queued[] };

/**
 * Changes a response together with the listing's remaining quantity. The response is written
 * conditional on its version and status as read, the listing on its version, in one transaction;
 * a lost race re-reads both and plans again, so the checks always see the winner's result.
 */
async function settle(id: string, plan: (item: Item, listing: Listing) => Promise<Plan>) {
  for (let attempt = 0; ; attempt++) {
    const item = await findResponse(id);
    const listing = await findListing(item.listingId);
    const { set, next, messages } = await plan(item, listing);
    try {
      await writeAll(db, (entities) => [
        entities.response
          .patch({ id })
          .set({ ...set, version: item.version + 1 })
          .where(
            ({ version, status }, { eq }) => `${eq(version, item.version)} AND ${eq(status, item.status)}`,
          )
          .commit(),
        ...(next ? listingWrites(entities, listing, next) : []),
        ...messages.map((message) => entities.outbox.create(message).commit()),
      ]);
    } catch (error) {
      const raced = error instanceof Canceled || (error instanceof Conflict && error.code === "busy");
      if (raced && attempt < TRIES) {
        await pause(attempt);
        continue;
      }
      if (raced) throw new Conflict("Объявление сейчас меняется, повторите через минуту", "busy");
      throw error;
    }
    await deliver(messages);
    return { item: await findResponse(id), listing: next ?? listing };
  }
}

/**
 * The owner accepts: the response's quantity is reserved on the listing. Of many acceptances for
 * the last unit exactly one succeeds and the others learn that nothing is left; remaining never
 * goes below 0.
 */
export async function accept(actor: Actor, id: string, { version }: { version: number }) {
  const { item, listing } = await settle(id, async (item, listing) => {
    if ((await roleIn(actor, item, listing)) === "responder") {
      throw new Forbidden("Принять отклик может только автор объявления");
    }
    if (item.version !== version) throw stale();
    if (item.status !== "pending") throw new Conflict("Отклик уже рассмотрен", "already_decided");
    if (!openStatuses.has(listing.status)) throw new Conflict("Объявление закрыто", "closed");
    const remaining = listing.remaining === undefined ? undefined : listing.remaining - (item.quantity ?? 0);
    if (remaining !== undefined && remaining < 0) {
      throw new Conflict(
        listing.remaining === 0
          ? "Всё уже забронировано: принять этот отклик нельзя"
          : `Осталось только ${listing.remaining}: принять этот отклик целиком нельзя`,
        "not_enough",
      );
    }
    const email = await emailOf(item.responderAccountId);
    return {
      set: { status: "accepted", decidedAt: Clock.nowIso() },
      next: {
        ...listing,
        remaining,
        status: remaining === 0 ? "reserved" : listing.status,
        version: listing.version + 1,
      },
      messages: email ? [queued(Templates.responseAccepted(email, listing.title, id))] : [],
    };
  });
  return view(item, listing, "owner");
}

/**
 * The responder withdraws their response, pending or accepted; an accepted one gives its
 * reserved quantity back to the listing. The owner is told.
 */
export async function cancel(actor: Actor, id: string, { version }: { version: number }) {
  const { item, listing } = await settle(id, async (item, listing) => {
    if ((await roleIn(actor, item, listing)) !== "responder") {
      throw new Forbidden("Отозвать отклик может только тот, кто его отправил");
    }
    if (item.version !== version) throw stale();
    if (item.status !== "pending" && item.status !== "accepted") {
      throw new Conflict("Этот отклик уже нельзя отозвать", "closed");
    }
    const returns =
      item.status === "accepted" && listing.remaining !== undefined && openStatuses.has(listing.status);
    const email = await emailOf(listing.accountId);
    return {
      set: { status: "cancelled" },
      next: returns
        ? {
            ...listing,
            remaining: (listing.remaining ?? 0) + (item.quantity ?? 0),
            status: "published",
            version: listing.version + 1,
          }
        : undefined,
      messages: email
        ? [queued(Templates.responseCancelled(email, listing.title, item.responderName, id))]
        : [],
    };
  });
  return view(item, listing, "responder");
}

/** The owner declines a pending response, saying why if they wish. */
export async function decline(actor: Actor, id: string, { version, reason }: DeclineResponse) {
  const item = await findResponse(id);
  const listing = await findListing(item.listingId);
  if ((await roleIn(actor, item, listing)) === "responder") {
    throw new Forbidden("Отклонить отклик может только автор объявления");
  }
  if (item.version !== version) throw stale();
  if (item.status !== "pending") throw new Conflict("Отклик уже рассмотрен", "already_decided");
  const email = await emailOf(item.responderAccountId);
  const messages = email ? [queued(Templates.responseDeclined(email, listing.title, id, reason))] : [];
  try {
    await writeAll(db, ({ response, outbox }) => [
      response
        .patch({ id })
        .set({
          status: "declined",
          declineReason: reason || undefined,
          decidedAt: Clock.nowIso(),
          version: item.version + 1,
        })
        .where(({ version, status }, { eq }) => `${eq(version, item.version)} AND ${eq(status, "pending")}`)
        .commit(),
      ...messages.map((message) => outbox.create(message).commit()),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  await deliver(messages);
  return view(await findResponse(id), listing, "owner");
}

/**
 * The owner records the handover of an accepted response: it goes into the contributions
 * ledger in the same transaction as the status change, so it is counted once.
 */
export async function fulfil(actor: Actor, id: string, { version }: { version: number }) {
  const item = await findResponse(id);
  const listing = await findListing(item.listingId);
  if ((await roleIn(actor, item, listing)) === "responder") {
    throw new Forbidden("Отметить передачу может только автор объявления");
  }
  if (item.version !== version) throw stale();
  if (item.status !== "accepted")
    throw new Conflict("Передать можно только по принятому отклику", "not_accepted");
  const at = Clock.nowIso();
  try {
    await writeAll(db, ({ response, contribution }) => [
      response
        .patch({ id })
        .set({ status: "fulfilled", fulfilledAt: at, version: item.version + 1 })
        .where(({ version, status }, { eq }) => `${eq(version, item.version)} AND ${eq(status, "accepted")}`)
        .commit(),
      contribution.create(contributionFor(listing, item, at)).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  return view(await findResponse(id), listing, "owner");
}

/** Either side writes in the response's conversation; the other side gets the text by email. */
export async function postMessage(actor: Actor, id: string, { text }: PostMessage) {
  const person = requirePerson(actor);
  const item = await findResponse(id);
  const listing = await findListing(item.listingId);
  const role = await roleIn(person, item, listing);
  if (item.status === "declined" || item.status === "cancelled") {
    throw new Conflict("Переписка по закрытому отклику закрыта", "closed");
  }
  const to = await emailOf(role === "responder" ? listing.accountId : item.responderAccountId);
  const messages: Queued[] = to
    ? [queued(Templates.responseMessage(to, listing.title, person.name, text, id))]
    : [];
  const messageId = ulid();
  await writeAll(db, ({ responseMessage, outbox }) => [
    responseMessage
      .create({
        responseId: id,
        id: messageId,
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
