import { AccountEntity } from "../account/entity";
import { store } from "../db/store";
import { OutboxEntity } from "../mail/entity";
import { SearchTermEntity } from "../search/entity";
import { InnClaimEntity, InvitationEntity, LogoEntity, MembershipEntity, OrganisationEntity } from "./entity";

export const db = store({
  organisation: OrganisationEntity,
  innClaim: InnClaimEntity,
  membership: MembershipEntity,
  invitation: InvitationEntity,
  logo: LogoEntity,
  account: AccountEntity,
  outbox: OutboxEntity,
  searchTerm: SearchTermEntity,
});
