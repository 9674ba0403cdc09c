import { SessionEntity } from "../auth/entity";
import { ExpertTopicEntity } from "../consultation/entity";
import { store } from "../db/store";
import { InnClaimEntity, LogoEntity, MembershipEntity, OrganisationEntity } from "../member/entity";
import { SearchTermEntity } from "../search/entity";
import { AccountEmailEntity, AccountEntity } from "./entity";

export const db = store({
  account: AccountEntity,
  accountEmail: AccountEmailEntity,
  session: SessionEntity,
  membership: MembershipEntity,
  organisation: OrganisationEntity,
  innClaim: InnClaimEntity,
  logo: LogoEntity,
  searchTerm: SearchTermEntity,
  expertTopic: ExpertTopicEntity,
});
