import { Service } from "electrodb";
import { AccountEmailEntity, AccountEntity } from "../account/entity";
import { LoginCodeEntity, RateLimitEntity, SessionEntity, SignupEntity } from "../auth/entity";
import { documentClient } from "../clients";
import { config } from "../config";
import {
  ExpertTopicEntity,
  KnowledgeEntryEntity,
  KnowledgeTokenEntity,
  PostEntity,
  QuestionEntity,
  QuestionStatEntity,
} from "../consultation/entity";
import { OutboxEntity } from "../mail/entity";
import {
  InnClaimEntity,
  InvitationEntity,
  LogoEntity,
  MembershipEntity,
  OrganisationEntity,
} from "../member/entity";
import {
  CatalogueEntryEntity,
  ContributionEntity,
  ListingEntity,
  ListingPhotoEntity,
  MatchEntity,
  ResponseEntity,
  ResponseMessageEntity,
} from "../resource/entity";

/** Every entity of the one table, so that transactions can span them. */
export const entities = {
  organisation: OrganisationEntity,
  innClaim: InnClaimEntity,
  membership: MembershipEntity,
  invitation: InvitationEntity,
  logo: LogoEntity,
  account: AccountEntity,
  accountEmail: AccountEmailEntity,
  loginCode: LoginCodeEntity,
  rateLimit: RateLimitEntity,
  session: SessionEntity,
  signup: SignupEntity,
  outbox: OutboxEntity,
  listing: ListingEntity,
  catalogueEntry: CatalogueEntryEntity,
  response: ResponseEntity,
  responseMessage: ResponseMessageEntity,
  contribution: ContributionEntity,
  match: MatchEntity,
  listingPhoto: ListingPhotoEntity,
  question: QuestionEntity,
  consultationPost: PostEntity,
  expertTopic: ExpertTopicEntity,
  knowledgeEntry: KnowledgeEntryEntity,
  questionStat: QuestionStatEntity,
  knowledgeToken: KnowledgeTokenEntity,
};

const service = new Service(entities);

let connected = false;

/** The service bound to the configured table and endpoint (resolved on first use). */
export function db() {
  if (!connected) {
    service.setClient(documentClient());
    service.setTableName(config().tableName);
    connected = true;
  }
  return service;
}

export type Db = ReturnType<typeof db>;
