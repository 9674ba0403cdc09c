import { AccountEntity } from "../account/entity";
import { store, type Writers } from "../db/store";
import { FileUploadEntity } from "../files/entity";
import { OutboxEntity } from "../mail/entity";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { SearchTermEntity } from "../search/entity";
import { MaterialEntity } from "./entity";

export const db = store({
  material: MaterialEntity,
  fileUpload: FileUploadEntity,
  organisation: OrganisationEntity,
  membership: MembershipEntity,
  searchTerm: SearchTermEntity,
  account: AccountEntity,
  outbox: OutboxEntity,
});

export type MaterialWriters = Writers<ReturnType<typeof db>["entities"]>;
