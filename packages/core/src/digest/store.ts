import { AccountEntity } from "../account/entity";
import { store } from "../db/store";
import { OutboxEntity } from "../mail/entity";
import { MembershipEntity } from "../member/entity";
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
  outbox: OutboxEntity,
});
