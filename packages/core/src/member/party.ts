import type { Person } from "../actor";
import { store } from "../db/store";
import { Conflict, Forbidden, Invalid } from "../errors";
import { MembershipEntity, OrganisationEntity } from "./entity";

/** Just what acting for an organisation needs: Resource Bank and consultations alike. */
const db = store({ organisation: OrganisationEntity, membership: MembershipEntity });

/** Whether the person is a representative of the organisation. */
export async function represents(person: Person, organisationId: string) {
  const { data } = await db().entities.membership.get({ organisationId, accountId: person.accountId }).go();
  return Boolean(data);
}

/**
 * Who acts: an approved member organisation the person represents, or the person themself
 * where `personally` allows it (otherwise its message is the field error).
 */
export async function partyOf(
  person: Person,
  organisationId: string | undefined,
  rules: { personally: true } | { personally: false; refusal: string },
) {
  if (!organisationId) {
    if (!rules.personally) throw new Invalid({ organisationId: rules.refusal });
    return { key: `person#${person.accountId}`, name: person.name, organisationId: undefined };
  }
  const { data: organisation } = await db().entities.organisation.get({ id: organisationId }).go();
  if (!organisation || !(await represents(person, organisation.id))) {
    throw new Forbidden("Действовать от организации могут только её представители");
  }
  if (organisation.status !== "approved") {
    throw new Conflict("Организация ещё не принята в кластер", "not_approved", {
      organisationId: "Организация ещё не принята в кластер",
    });
  }
  return {
    key: `org#${organisation.id}`,
    name: organisation.shortName ?? organisation.name,
    organisationId: organisation.id,
  };
}
