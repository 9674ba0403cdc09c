import type { EntityItem } from "electrodb";
import { type Actor, requireCoordinator, requirePerson } from "../actor";
import { endSessions } from "../auth";
import { Canceled, writeAll } from "../db/transaction";
import { Conflict, NotFound, stale } from "../errors";
import { isConditionFailure } from "../mail";
import { indexed } from "../member/views";
import type { ConsultationTopic, Role } from "../reference";
import * as Clock from "../shared/clock";
import type { AccountEntity } from "./entity";
import type { Account, GrantRoles, SetBlocked, UpdateProfile } from "./schema";
import { db } from "./store";

type Item = EntityItem<typeof AccountEntity>;

export function view(item: Item): Account {
  return {
    id: item.id,
    email: item.email,
    name: item.name,
    phone: item.phone,
    roles: (item.roles ?? []) as Role[],
    expertTopics: (item.expertTopics ?? []) as ConsultationTopic[],
    status: item.status,
    consent: { version: item.consentVersion, at: item.consentAt },
    createdAt: item.createdAt,
    version: item.version,
  };
}

export async function get(id: string) {
  const { data } = await db().entities.account.get({ id }).go();
  if (!data) throw new NotFound("Учётная запись не найдена");
  return view(data);
}

/** The signed-in person and the organisations they represent. */
export async function me(actor: Actor) {
  const person = requirePerson(actor);
  const [account, memberships] = await Promise.all([
    get(person.accountId),
    organisationsOf(person.accountId),
  ]);
  return { account, memberships };
}

export async function organisationsOf(accountId: string) {
  const { membership, organisation } = db().entities;
  const { data: links } = await membership.query.byAccount({ accountId }).go({ pages: "all" });
  if (!links.length) return [];
  const { data: organisations } = await organisation
    .get(links.map(({ organisationId }) => ({ id: organisationId })))
    .go();
  return organisations.map(({ id, name, status, kind }) => ({ organisationId: id, name, status, kind }));
}

type Changes = {
  set?: Partial<Pick<Item, "name" | "phone" | "roles" | "status">>;
  remove?: ("phone" | "roles")[];
};

/** Conditional on the version the person saw, so two tabs cannot overwrite each other. */
async function patchVersioned(id: string, expected: number, { set = {}, remove = [] }: Changes) {
  try {
    const { data } = await db()
      .entities.account.patch({ id })
      .set(set)
      .remove(remove)
      .add({ version: 1 })
      .where(({ version }, { eq }) => eq(version, expected))
      .go({ response: "all_new" });
    return view(data as Item);
  } catch (error) {
    if (isConditionFailure(error)) throw stale();
    throw error;
  }
}

export async function update(actor: Actor, input: UpdateProfile) {
  const person = requirePerson(actor);
  return patchVersioned(person.accountId, input.version, {
    set: { name: input.name, ...(input.phone ? { phone: input.phone } : {}) },
    remove: input.phone ? [] : ["phone"],
  });
}

export async function list(actor: Actor, cursor?: string, limit = 50) {
  requireCoordinator(actor);
  const { data, cursor: next } = await db()
    .entities.account.query.all({})
    .go({ cursor, limit, order: "desc" });
  return { items: data.map(view), cursor: next };
}

export async function grantRoles(actor: Actor, id: string, input: GrantRoles) {
  const coordinator = requireCoordinator(actor);
  const roles = [...new Set(input.roles)];
  if (id === coordinator.accountId && !roles.includes("coordinator")) {
    throw new Conflict("Нельзя снять роль координатора с самого себя", "self_demotion");
  }
  const topics = roles.includes("expert") ? [...new Set(input.expertTopics ?? [])] : [];
  const { data: current } = await db().entities.account.get({ id }).go({ consistent: true });
  if (!current) throw new NotFound("Учётная запись не найдена");
  if (current.version !== input.version) throw stale();
  const before = (current.expertTopics ?? []) as ConsultationTopic[];
  // The account and its topic coverage (who gets a topic's questions) change together.
  try {
    await writeAll(db, ({ account, expertTopic }) => [
      account
        .patch({ id })
        .set({ ...(roles.length ? { roles } : {}), ...(topics.length ? { expertTopics: topics } : {}) })
        .remove([
          ...(roles.length ? [] : ["roles" as const]),
          ...(topics.length ? [] : ["expertTopics" as const]),
        ])
        .add({ version: 1 })
        .where(({ version }, { eq }) => eq(version, input.version))
        .commit(),
      ...before
        .filter((topic) => !topics.includes(topic))
        .map((topic) => expertTopic.delete({ topic, accountId: id }).commit()),
      ...topics
        .filter((topic) => !before.includes(topic))
        .map((topic) => expertTopic.put({ topic, accountId: id }).commit()),
    ]);
  } catch (error) {
    if (error instanceof Canceled) throw stale();
    throw error;
  }
  return get(id);
}

export async function setBlocked(actor: Actor, id: string, input: SetBlocked) {
  const coordinator = requireCoordinator(actor);
  if (id === coordinator.accountId) throw new Conflict("Нельзя заблокировать самого себя", "self_block");
  const account = await patchVersioned(id, input.version, {
    set: { status: input.blocked ? "blocked" : "active" },
  });
  if (input.blocked) await endSessions(id);
  return account;
}

/** Everything the portal holds about the person (152-FZ), as one JSON document. */
export async function exportData(actor: Actor) {
  const person = requirePerson(actor);
  const { account, memberships } = await me(actor);
  const { data: sessions } = await db()
    .entities.session.query.byAccount({ accountId: person.accountId })
    .go({ pages: "all" });
  return {
    exportedAt: Clock.nowIso(),
    account,
    memberships,
    sessions: sessions.map(({ createdAt, expiresAt, userAgent }) => ({
      createdAt,
      expiresAt: new Date(expiresAt).toISOString(),
      userAgent,
    })),
  };
}

/**
 * A private person's member profiles («Эксперт / частное лицо») that only this account represents:
 * they are the person's own data, so they go with the account (ADR 020).
 */
async function ownProfiles(accountId: string, organisationIds: string[]) {
  if (!organisationIds.length) return [];
  const { organisation, membership } = db().entities;
  const { data: organisations } = await organisation
    .get(organisationIds.map((id) => ({ id })))
    .go({ consistent: true });
  const personal = organisations.filter(({ kind }) => kind === "expert");
  const alone = await Promise.all(
    personal.map(async ({ id }) => {
      const { data } = await membership.query.byOrganisation({ organisationId: id }).go({ pages: "all" });
      return data.every((link) => link.accountId === accountId);
    }),
  );
  return personal.filter((_, i) => alone[i]);
}

/**
 * Deletes the person at once: the account, its email claim, memberships and sessions, and a
 * private person's own member profile with its search rows, all in one transaction. Organisations
 * stay: they are the organisations' data, not the person's.
 */
export async function remove(actor: Actor) {
  const person = requirePerson(actor);
  const { membership } = db().entities;
  const { data: links } = await membership.query
    .byAccount({ accountId: person.accountId })
    .go({ pages: "all" });
  const profiles = await ownProfiles(
    person.accountId,
    links.map(({ organisationId }) => organisationId),
  );
  await endSessions(person.accountId);
  try {
    await writeAll(
      db,
      ({ account, accountEmail, membership: memberships, organisation, innClaim, logo, searchTerm }) => [
        account.delete({ id: person.accountId }).commit(),
        accountEmail.delete({ email: person.email }).commit(),
        ...links.map(({ organisationId, accountId }) =>
          memberships.delete({ organisationId, accountId }).commit(),
        ),
        ...profiles.flatMap((profile) => [
          // Unchanged since it was read, so the search rows deleted are the ones it has.
          organisation
            .delete({ id: profile.id })
            .where(({ version }, { eq }) => eq(version, profile.version))
            .commit(),
          logo.delete({ organisationId: profile.id }).commit(),
          ...(profile.inn ? [innClaim.delete({ inn: profile.inn }).commit()] : []),
          ...indexed(searchTerm, profile, undefined),
        ]),
      ],
    );
  } catch (error) {
    if (error instanceof Canceled) throw new Conflict("Не удалось удалить, повторите попытку");
    throw error;
  }
}

/** The CLI's way to name a coordinator when nobody can sign in as one yet. */
export async function makeCoordinator(email: string) {
  const { data: known } = await db().entities.accountEmail.get({ email }).go();
  if (!known) return false;
  await db()
    .entities.account.patch({ id: known.accountId })
    .add({ roles: ["coordinator"] })
    .go();
  return true;
}
