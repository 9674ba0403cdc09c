import { AccountEntity } from "../account/entity";
import { type Actor, requirePerson } from "../actor";
import { ExpertTopicEntity } from "../consultation/entity";
import { store } from "../db/store";
import { Invalid } from "../errors";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { consultationTopicIds, consultationTopicName } from "../reference";
import type { PortalSpeaker } from "./schema";

/** Its own view of the table: only the event editor reads who the portal's experts are. */
const db = /* @__PURE__ */ store({
  expertTopic: ExpertTopicEntity,
  account: AccountEntity,
  membership: MembershipEntity,
  organisation: OrganisationEntity,
});

/**
 * The portal's experts (by the topics they answer) and the officials of the authority bodies:
 * the speakers an organiser may name from the portal, each with what they are known for.
 */
export async function portalSpeakers(actor: Actor): Promise<{ items: PortalSpeaker[] }> {
  requirePerson(actor);
  const { expertTopic, account, membership, organisation } = db().entities;
  const [topics, bodies] = await Promise.all([
    Promise.all(
      consultationTopicIds.map((topic) => expertTopic.query.byTopic({ topic }).go({ pages: "all" })),
    ),
    organisation.query
      .queue({ status: "approved" })
      .go({ pages: "all", attributes: ["id", "kind", "name", "shortName"] }),
  ]);
  const about = new Map<string, string[]>();
  const add = (accountId: string, label: string) =>
    about.set(accountId, [...(about.get(accountId) ?? []), label]);
  for (const { data } of topics) for (const row of data) add(row.accountId, consultationTopicName[row.topic]);
  const authorities = bodies.data.filter((body) => body.kind === "authority");
  const links = await Promise.all(
    authorities.map((body) =>
      membership.query.byOrganisation({ organisationId: body.id }).go({ pages: "all" }),
    ),
  );
  links.forEach(({ data }, index) => {
    const body = authorities[index]!;
    for (const link of data) add(link.accountId, body.shortName || body.name);
  });
  if (about.size === 0) return { items: [] };
  const { data: people } = await account.get([...about.keys()].map((id) => ({ id }))).go();
  const items = people
    .filter((person) => person.status === "active")
    .flatMap((person): PortalSpeaker[] => {
      const roles = person.roles ?? [];
      const role = roles.includes("expert") ? "expert" : roles.includes("official") ? "official" : undefined;
      return role
        ? [{ accountId: person.id, name: person.name, role, about: about.get(person.id)!.join(", ") }]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
  return { items };
}

/** The speakers chosen from the portal, as the event stores them; an id that is no speaker is refused. */
export async function chosenSpeakers(actor: Actor, accountIds: readonly string[]) {
  if (accountIds.length === 0) return [];
  const { items } = await portalSpeakers(actor);
  const byId = new Map(items.map((speaker) => [speaker.accountId, speaker]));
  const unknown = accountIds.findIndex((id) => !byId.has(id));
  if (unknown >= 0) throw new Invalid({ [`speakerAccountIds.${unknown}`]: "Такого эксперта нет на портале" });
  return accountIds.map((id) => byId.get(id)!);
}
