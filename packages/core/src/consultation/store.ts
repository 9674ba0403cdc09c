import { AccountEntity } from "../account/entity";
import { store, type Writers, type Writes } from "../db/store";
import { OutboxEntity } from "../mail/entity";
import { MembershipEntity, OrganisationEntity } from "../member/entity";
import { SearchTermEntity } from "../search/entity";
import {
  ExpertTopicEntity,
  KnowledgeEntryEntity,
  PostEntity,
  QuestionEntity,
  QuestionStatEntity,
} from "./entity";

export const db = store({
  question: QuestionEntity,
  consultationPost: PostEntity,
  expertTopic: ExpertTopicEntity,
  knowledgeEntry: KnowledgeEntryEntity,
  questionStat: QuestionStatEntity,
  organisation: OrganisationEntity,
  membership: MembershipEntity,
  account: AccountEntity,
  outbox: OutboxEntity,
  searchTerm: SearchTermEntity,
});

type Entities = ReturnType<typeof db>["entities"];
export type ConsultationWriters = Writers<Entities>;
export type ConsultationWrites = Writes<Entities>;
