import { AccountEntity } from "../account/entity";
import { KnowledgeEntryEntity } from "../consultation/entity";
import { store } from "../db/store";
import { EventEntity } from "../event/entity";
import { OutboxEntity } from "../mail/entity";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { CatalogueEntryEntity, ListingEntity } from "../resource/entity";
import {
  DeliveryEntity,
  DigestDayEntity,
  SubscriberEmailEntity,
  SubscriberEntity,
  SuppressionEntity,
} from "./entity";

export const db = store({
  subscriber: SubscriberEntity,
  subscriberEmail: SubscriberEmailEntity,
  delivery: DeliveryEntity,
  suppression: SuppressionEntity,
  digestDay: DigestDayEntity,
  account: AccountEntity,
  membership: MembershipEntity,
  organisation: OrganisationEntity,
  catalogueEntry: CatalogueEntryEntity,
  listing: ListingEntity,
  knowledgeEntry: KnowledgeEntryEntity,
  event: EventEntity,
  outbox: OutboxEntity,
});
