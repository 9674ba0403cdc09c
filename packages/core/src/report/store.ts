import { AccountEntity } from "../account/entity";
import { QuestionStatEntity } from "../consultation/entity";
import { store } from "../db/store";
import { EventEntity, RegistrationEntity } from "../event/entity";
import { OrganisationEntity } from "../member/entity";
import { ContributionEntity, ListingEntity, MatchEntity } from "../resource/entity";
import { ReportDeliveryEntity } from "./entity";

/** Reports read other contexts' entities through their time indexes and write only their marks. */
export const db = store({
  organisation: OrganisationEntity,
  listing: ListingEntity,
  match: MatchEntity,
  contribution: ContributionEntity,
  questionStat: QuestionStatEntity,
  event: EventEntity,
  registration: RegistrationEntity,
  account: AccountEntity,
  reportDelivery: ReportDeliveryEntity,
});
