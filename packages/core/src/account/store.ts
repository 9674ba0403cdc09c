import { SessionEntity } from "../auth/entity";
import { ExpertTopicEntity } from "../consultation/entity";
import { store } from "../db/store";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { AccountEmailEntity, AccountEntity } from "./entity";

export const db = store({
  account: AccountEntity,
  accountEmail: AccountEmailEntity,
  session: SessionEntity,
  membership: MembershipEntity,
  organisation: OrganisationEntity,
  expertTopic: ExpertTopicEntity,
});
