import { AccountEmailEntity, AccountEntity } from "../account/entity";
import { LoginCodeEntity, RateLimitEntity, SessionEntity, SignupEntity } from "../auth/entity";
import {
  ExpertTopicEntity,
  KnowledgeEntryEntity,
  PostEntity,
  QuestionEntity,
  QuestionStatEntity,
} from "../consultation/entity";
import {
  DeliveryEntity,
  DigestDayEntity,
  SubscriberEmailEntity,
  SubscriberEntity,
  SuppressionEntity,
} from "../digest/entity";
import { CalendarFeedEntity, EventEntity, RegistrationEntity } from "../event/entity";
import { FileUploadEntity } from "../files/entity";
import { OutboxEntity } from "../mail/entity";
import { MaterialEntity } from "../material/entity";
import {
  InnClaimEntity,
  InvitationEntity,
  LogoEntity,
  MembershipEntity,
  OrganisationEntity,
} from "../member/entity";
import { ReportDeliveryEntity } from "../report/entity";
import {
  CatalogueEntryEntity,
  ContributionEntity,
  ListingEntity,
  ListingPhotoEntity,
  MatchEntity,
  ResponseEntity,
  ResponseMessageEntity,
} from "../resource/entity";
import { SearchTermEntity } from "../search/entity";

import { store } from "./store";

/**
 * Every entity of the table, for the local seed, benchmarks and tests. Portal code uses its
 * bounded context's store instead, so that a Lambda bundles only the entities it touches.
 */
export const db = store({
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
  material: MaterialEntity,
  fileUpload: FileUploadEntity,
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
  reportDelivery: ReportDeliveryEntity,
  subscriber: SubscriberEntity,
  subscriberEmail: SubscriberEmailEntity,
  delivery: DeliveryEntity,
  suppression: SuppressionEntity,
  digestDay: DigestDayEntity,
  searchTerm: SearchTermEntity,
  event: EventEntity,
  eventRegistration: RegistrationEntity,
  calendarFeed: CalendarFeedEntity,
});
