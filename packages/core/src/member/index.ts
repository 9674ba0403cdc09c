import { type Actor, hasRole, type Person, requireCoordinator, requirePerson } from "../actor";
import { config } from "../config";
import { pageOptions } from "../db/paging";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, Forbidden, NotFound, stale, VisibleError } from "../errors";
import { searchKey } from "../identifiers";
import { deliver, type Queued, queued } from "../mail";
import * as Templates from "../mail/templates";
import * as Search from "../search/index";
import * as Clock from "../shared/clock";
import type { ImageType } from "../shared/images";
import { hashToken, newToken } from "../shared/secrets";
import { ulid } from "../shared/ulid";
import { uploadedImage } from "../shared/uploaded-image";
import type {
  AcceptInvitation,
  Application,
  Approve,
  DirectoryEntry,
  DirectoryQuery,
  Invite,
  NewestQuery,
  Reject,
  UpdateProfile,
} from "./schema";
import { db } from "./store";
import { entryView, fullView, indexed, type OrganisationItem, publicView, searchDocument } from "./views";

type Item = OrganisationItem;

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

const derivedNames = (name: string) => ({ sortName: searchKey(name) });

async function find(id: string) {
  const { data } = await db().entities.organisation.get({ id }).go({ consistent: true });
  if (!data) throw new NotFound("Организация не найдена");
  return data;
}

async function isRepresentative(actor: Actor, organisationId: string) {
  if (actor.type !== "person") return false;
  const { data } = await db().entities.membership.get({ organisationId, accountId: actor.accountId }).go();
  return Boolean(data);
}

async function canManage(actor: Actor, organisationId: string) {
  return hasRole(actor, "coordinator") || (await isRepresentative(actor, organisationId));
}

async function requireManager(actor: Actor, organisationId: string): Promise<Person> {
  const person = requirePerson(actor);
  if (!(await canManage(person, organisationId))) {
    throw new Forbidden("Изменять сведения могут только представители организации и координаторы");
  }
  return person;
}

async function emailOf(accountId: string | undefined) {
  if (!accountId) return undefined;
  const { data } = await db().entities.account.get({ id: accountId }).go();
  return data?.email;
}

/**
 * An application to join: the organisation (pending), the INN's claim, the applicant's
 * membership and the confirmation mail, all in one transaction.
 */
export async function apply(actor: Actor, input: Application) {
  const person = requirePerson(actor);
  const id = ulid();
  const message = queued(Templates.applicationReceived(person.email, input.name));
  const { inn } = input;
  try {
    await writeAll(db, ({ organisation, innClaim, membership, outbox }) => [
      organisation
        .create({
          id,
          ...input,
          ...derivedNames(input.name),
          contacts: input.contacts,
          status: "pending",
          createdBy: person.accountId,
        })
        .commit(),
      membership.create({ organisationId: id, accountId: person.accountId }).commit(),
      outbox.create(message).commit(),
      ...(inn ? [innClaim.create({ inn, organisationId: id }).commit()] : []),
    ]);
  } catch (error) {
    if (error instanceof Canceled && error.failedAt(3)) {
      throw new Conflict("Организация с этим ИНН уже есть в кластере или подала заявку", "inn_taken", {
        inn: "Этот ИНН уже зарегистрирован в кластере",
      });
    }
    throw error;
  }
  await deliver([message]);
  return fullView(await find(id));
}

/**
 * Directory pages are public, identical for everyone and read far more often than changed, so each
 * instance keeps them for a few seconds. Changes made through this instance clear it at once;
 * other Lambda instances catch up within the TTL (DIRECTORY_CACHE_SECONDS, 0 turns it off).
 */
const directoryCache = new Map<
  string,
  { at: number; page: { items: DirectoryEntry[]; cursor: string | null } }
>();
const DIRECTORY_CACHE_ENTRIES = 500;

function forgetDirectory() {
  directoryCache.clear();
}

/**
 * The public directory: approved organisations by name. Municipality is a key condition
 * (its own index); kind, sphere and name text are filters within that one partition.
 */
export async function list(query: DirectoryQuery) {
  const ttlMs = config().directoryCacheSeconds * 1000;
  const key = JSON.stringify(query);
  const cached = directoryCache.get(key);
  if (cached && Date.now() - cached.at < ttlMs) return cached.page;
  const page = await queryDirectory(query);
  if (ttlMs > 0) {
    if (directoryCache.size >= DIRECTORY_CACHE_ENTRIES) directoryCache.clear();
    directoryCache.set(key, { at: Date.now(), page });
  }
  return page;
}

async function queryDirectory(query: DirectoryQuery) {
  const { kind, sphere, municipality, cursor, limit } = query;
  if (query.q) {
    return Search.find<DirectoryEntry>("organisations", {
      q: query.q,
      filters: { kind, sphere, municipality },
      cursor,
      limit,
    });
  }
  const { organisation } = db().entities;
  const base = municipality
    ? organisation.query.byMunicipality({ status: "approved", municipality })
    : organisation.query.directory({ status: "approved" });
  const filtered = base.where((attributes, { eq, contains }) =>
    [kind && eq(attributes.kind, kind), sphere && contains(attributes.spheres, sphere)]
      .filter(Boolean)
      .join(" AND "),
  );
  const { data, cursor: next } = await filtered.go(pageOptions(cursor, limit, Boolean(kind || sphere)));
  return { items: data.map(entryView), cursor: next };
}

/**
 * Indexes the approved organisations for the search, a page at a time (the migration and the demo
 * seed); `progress` hears how many are done.
 */
export const reindexSearch = (progress?: (done: number) => void) =>
  Search.reindexAll(
    "organisations",
    (cursor) => db().entities.organisation.query.directory({ status: "approved" }).go({ cursor, limit: 100 }),
    async (items) => items.map(searchDocument),
    progress,
  );

/** Approved organisations, the most recent applications first: the home page's «Новые участники». */
export async function newest(query: NewestQuery) {
  const { data, cursor } = await db()
    .entities.organisation.query.queue({ status: "approved" })
    .go({ ...pageOptions(query.cursor, query.limit, false), order: "desc" });
  return { items: data.map(entryView), cursor };
}

/**
 * Writes or deletes the logo together with the organisation's `logoUpdatedAt`, moving its
 * version too, so an open edit form learns of the change instead of overwriting it.
 */
async function changeLogo(actor: Actor, id: string, image?: { contentType: ImageType; data: string }) {
  await requireManager(actor, id);
  const current = await find(id);
  try {
    await writeAll(db, ({ logo, organisation, searchTerm }) => {
      const patch = organisation.patch({ id });
      const logoUpdatedAt = image ? Clock.nowIso() : undefined;
      const marked = logoUpdatedAt ? patch.set({ logoUpdatedAt }) : patch.remove(["logoUpdatedAt"]);
      return [
        image
          ? logo.put({ organisationId: id, ...image }).commit()
          : logo.delete({ organisationId: id }).commit(),
        marked
          .add({ version: 1 })
          .where(({ version }, { eq }) => eq(version, current.version))
          .commit(),
        // The results show the logo, whose address carries its version.
        ...indexed(searchTerm, current, { ...current, logoUpdatedAt }),
      ];
    });
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  forgetDirectory();
  return fullView(await find(id));
}

export async function setLogo(actor: Actor, id: string, contentType: string, bytes: Uint8Array) {
  return changeLogo(
    actor,
    id,
    uploadedImage(bytes, contentType, "logo", "Логотип должен быть не больше 200 КБ"),
  );
}

export const removeLogo = (actor: Actor, id: string) => changeLogo(actor, id);

/** The logo's bytes, visible wherever the organisation itself is. */
export async function logo(actor: Actor, id: string) {
  await get(actor, id);
  const { data } = await db().entities.logo.get({ organisationId: id }).go();
  if (!data) throw new NotFound("Логотипа нет");
  return { contentType: data.contentType, bytes: Buffer.from(data.data, "base64") };
}

/** An organisation's page: public when approved; whole for its representatives and coordinators. */
export async function get(actor: Actor, id: string) {
  const item = await find(id);
  const canEdit = await canManage(actor, id);
  if (canEdit) return { organisation: fullView(item), canEdit };
  if (item.status !== "approved") throw new NotFound("Организация не найдена");
  return { organisation: publicView(item), canEdit };
}

/**
 * Replaces the profile, conditional on the version the editor saw: of two editors, the
 * second gets a 409 instead of silently overwriting the first.
 */
export async function update(actor: Actor, id: string, input: UpdateProfile) {
  await requireManager(actor, id);
  const current = await find(id);
  if (current.version !== input.version) throw stale();
  const { version, ...profile } = input;
  return replace(current, { ...profile, ...derivedNames(profile.name) });
}

async function replace(current: Item, changes: Partial<Item>) {
  const next = { ...current, ...changes, version: current.version + 1 };
  try {
    await writeAll(db, ({ organisation, searchTerm }) => [
      organisation
        .put(next)
        .where(({ version }, { eq }) => eq(version, current.version))
        .commit(),
      ...indexed(searchTerm, current, next),
    ]);
  } catch (error) {
    if (error instanceof Canceled && error.failedAt(0)) throw stale();
    throw error;
  }
  forgetDirectory();
  return fullView(await find(current.id));
}

/** The coordinators' queue: pending applications, oldest first. */
export async function queue(actor: Actor, cursor?: string, limit = 20) {
  requireCoordinator(actor);
  const { data, cursor: next } = await db()
    .entities.organisation.query.queue({ status: "pending" })
    .go({ cursor, limit });
  return { items: data.map(fullView), cursor: next };
}

/**
 * Decides an application. The status change, its side effects and the applicant's email
 * commit together, conditional on the version the coordinator saw and on it still pending.
 */
async function decide(
  actor: Actor,
  id: string,
  expectedVersion: number,
  decision: { status: "approved" } | { status: "rejected"; reason: string },
) {
  requireCoordinator(actor);
  const current = await find(id);
  if (current.version !== expectedVersion) throw stale();
  if (current.status !== "pending") {
    throw new Conflict("Заявка уже рассмотрена", "already_decided");
  }
  const now = Clock.nowIso();
  const next: Item =
    decision.status === "approved"
      ? { ...current, status: "approved", approvedAt: now, rejectionReason: undefined }
      : { ...current, status: "rejected", rejectionReason: decision.reason };
  next.version = current.version + 1;
  const to = await emailOf(current.createdBy);
  const messages: Queued[] = to
    ? [
        queued(
          decision.status === "approved"
            ? Templates.applicationApproved(to, current.name, id)
            : Templates.applicationRejected(to, current.name, decision.reason),
        ),
      ]
    : [];
  try {
    await writeAll(db, ({ organisation, innClaim, account, outbox, searchTerm }) => [
      organisation
        .put(next)
        .where(
          ({ version, status }, { eq }) => `${eq(version, current.version)} AND ${eq(status, "pending")}`,
        )
        .commit(),
      ...indexed(searchTerm, undefined, next),
      ...messages.map((message) => outbox.create(message).commit()),
      ...(decision.status === "approved" && to && current.createdBy
        ? [
            account
              .patch({ id: current.createdBy })
              .add({ roles: ["member"] })
              .commit(),
          ]
        : []),
      // A rejected application frees its INN, so the organisation can apply again.
      ...(decision.status === "rejected" && current.inn
        ? [innClaim.delete({ inn: current.inn }).commit()]
        : []),
    ]);
  } catch (error) {
    if (error instanceof Canceled && error.failedAt(0)) throw stale();
    throw error;
  }
  forgetDirectory();
  await deliver(messages);
  return fullView(await find(id));
}

export const approve = (actor: Actor, id: string, input: Approve) =>
  decide(actor, id, input.version, { status: "approved" });

export const reject = (actor: Actor, id: string, input: Reject) =>
  decide(actor, id, input.version, { status: "rejected", reason: input.reason });

export async function representatives(actor: Actor, id: string) {
  await requireManager(actor, id);
  const { membership, invitation, account } = db().entities;
  const [{ data: links }, { data: invitations }] = await Promise.all([
    membership.query.byOrganisation({ organisationId: id }).go({ pages: "all" }),
    invitation.query.byOrganisation({ organisationId: id }).go({ pages: "all" }),
  ]);
  const { data: people } = links.length
    ? await account.get(links.map(({ accountId }) => ({ id: accountId }))).go()
    : { data: [] };
  const now = Clock.nowMs();
  return {
    items: people.map(({ id: accountId, name, email }) => ({ accountId, name, email })),
    invitations: invitations
      .filter(({ expiresAt }) => Date.parse(expiresAt) > now)
      .map(({ email, expiresAt }) => ({ email, expiresAt })),
  };
}

/** Invites a person by email to represent the organisation too; the link carries a one-time token. */
export async function invite(actor: Actor, id: string, { email }: Invite) {
  const person = await requireManager(actor, id);
  const organisation = await find(id);
  const token = newToken();
  const expiresAt = Clock.nowMs() + INVITATION_TTL_MS;
  const message = queued(Templates.invitation(email, organisation.name, person.name, token));
  await writeAll(db, ({ invitation, outbox }) => [
    invitation
      .create({
        tokenHash: hashToken(token),
        organisationId: id,
        email,
        invitedBy: person.accountId,
        expiresAt: new Date(expiresAt).toISOString(),
        expiresAtEpoch: Math.floor(expiresAt / 1000) + 3600,
      })
      .commit(),
    outbox.create(message).commit(),
  ]);
  await deliver([message]);
}

/** Accepted only by the person the invitation was sent to, once, before it expires. */
export async function acceptInvitation(actor: Actor, { token }: AcceptInvitation) {
  const person = requirePerson(actor);
  const tokenHash = hashToken(token);
  const { data: found } = await db().entities.invitation.get({ tokenHash }).go({ consistent: true });
  if (!found || Date.parse(found.expiresAt) < Clock.nowMs()) {
    throw new VisibleError("invitation_expired", "Приглашение не найдено или истекло", 404);
  }
  if (found.email !== person.email) {
    throw new Forbidden(`Приглашение отправлено на ${found.email}: войдите с этим адресом`);
  }
  try {
    await writeAll(db, ({ invitation, membership }) => [
      invitation
        .delete({ tokenHash })
        .where(({ email }, { eq }) => eq(email, person.email))
        .commit(),
      membership.create({ organisationId: found.organisationId, accountId: person.accountId }).commit(),
    ]);
  } catch (error) {
    if (error instanceof Canceled && error.failedAt(1)) {
      throw new Conflict("Вы уже представляете эту организацию", "already_member");
    }
    if (error instanceof Canceled) {
      throw new VisibleError("invitation_expired", "Приглашение уже использовано", 404);
    }
    throw error;
  }
  return { organisationId: found.organisationId };
}
