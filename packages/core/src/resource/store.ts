import { AccountEntity } from "../account/entity";
import { store, type Writers } from "../db/store";
import { OutboxEntity } from "../mail/entity";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { SearchTermEntity } from "../search/entity";
import {
  CatalogueEntryEntity,
  ContributionEntity,
  ListingEntity,
  ListingPhotoEntity,
  MatchEntity,
  ResponseEntity,
  ResponseMessageEntity,
} from "./entity";

export const db = store({
  listing: ListingEntity,
  catalogueEntry: CatalogueEntryEntity,
  listingPhoto: ListingPhotoEntity,
  response: ResponseEntity,
  responseMessage: ResponseMessageEntity,
  contribution: ContributionEntity,
  match: MatchEntity,
  organisation: OrganisationEntity,
  membership: MembershipEntity,
  account: AccountEntity,
  outbox: OutboxEntity,
  searchTerm: SearchTermEntity,
});

export type ResourceWriters = Writers<ReturnType<typeof db>["entities"]>;
