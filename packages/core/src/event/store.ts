import { AccountEntity } from "../account/entity";
import { store, type Writers, type Writes } from "../db/store";
import { OutboxEntity } from "../mail/entity";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { SearchTermEntity } from "../search/entity";
import { CalendarFeedEntity, EventEntity, RegistrationEntity } from "./entity";

export const db = store({
  event: EventEntity,
  registration: RegistrationEntity,
  calendarFeed: CalendarFeedEntity,
  organisation: OrganisationEntity,
  membership: MembershipEntity,
  account: AccountEntity,
  outbox: OutboxEntity,
  searchTerm: SearchTermEntity,
});

type Entities = ReturnType<typeof db>["entities"];
export type EventWriters = Writers<Entities>;
export type EventWrites = Writes<Entities>;
