import { Entity } from "electrodb";
import { SERVICE, timestamps, version } from "../db/attributes";
import { consultationTopicIds } from "../reference";

/** Awaiting its first answer: in its route's queue and watched by the deadline job. */
export const UNANSWERED = "open";

/**
 * A consultation question. `route` says who answers: "topic#legal" (the experts of a topic) or
 * "body#<organisationId>" (the officials of an authority body).
 */
export const QuestionEntity = /* @__PURE__ */ new Entity({
  model: { entity: "question", version: "1", service: SERVICE },
  attributes: {
    id: { type: "string", required: true, readOnly: true },
    topic: { type: consultationTopicIds, required: true },
    title: { type: "string", required: true },
    text: { type: "string", required: true },
    links: { type: "list", items: { type: "string" } },
    visibility: { type: ["public", "private"] as const, required: true },
    /** Public questions show the asker's organisation, or "anonymous", as the asker chose. */
    showOrganisation: { type: "boolean", required: true },
    askerAccountId: { type: "string", required: true },
    askerName: { type: "string", required: true },
    askerOrganisationId: { type: "string" },
    askerOrganisationName: { type: "string" },
    route: { type: "string", required: true },
    bodyId: { type: "string" },
    bodyName: { type: "string" },
    assigneeAccountId: { type: "string" },
    assigneeName: { type: "string" },
    assignedAt: { type: "string" },
    status: { type: ["open", "answered", "solved"] as const, required: true },
    dueAt: { type: "string", required: true },
    firstAnsweredAt: { type: "string" },
    solutionPostId: { type: "string" },
    rating: { type: "number" },
    solvedAt: { type: "string" },
    remindedAt: { type: "string" },
    escalatedAt: { type: "string" },
    /** Case- and ё-folded title and text. */
    searchText: { type: "string", required: true },
    ...timestamps,
    version,
  },
  indexes: {
    byId: {
      pk: { field: "pk", composite: ["id"] },
      sk: { field: "sk", composite: [] },
    },
    /** The unanswered questions of a route, soonest due first (sparse). */
    unanswered: {
      index: "gsi1",
      condition: (item) => item.status === UNANSWERED,
      pk: { field: "gsi1pk", composite: ["route"] },
      sk: { field: "gsi1sk", composite: ["dueAt", "id"] },
    },
    byAsker: {
      index: "gsi2",
      pk: { field: "gsi2pk", composite: ["askerAccountId"] },
      sk: { field: "gsi2sk", composite: ["createdAt", "id"] },
    },
    /** Questions taken by a person (absent until someone takes it). */
    byAssignee: {
      index: "gsi3",
      pk: { field: "gsi3pk", composite: ["assigneeAccountId"] },
      sk: { field: "gsi3sk", composite: ["createdAt", "id"] },
    },
  },
});

/** An answer or a follow-up in a question's thread; edits keep the earlier texts. */
export const PostEntity = /* @__PURE__ */ new Entity({
  model: { entity: "consultationPost", version: "1", service: SERVICE },
  attributes: {
    questionId: { type: "string", required: true, readOnly: true },
    id: { type: "string", required: true, readOnly: true },
    kind: { type: ["answer", "followup"] as const, required: true },
    authorAccountId: { type: "string", required: true },
    authorName: { type: "string", required: true },
    /** Set on an official's answer: the body it speaks for. */
    officialOf: { type: "string" },
    text: { type: "string", required: true },
    /** Earlier versions, oldest first. */
    history: {
      type: "list",
      items: {
        type: "map",
        properties: {
          text: { type: "string", required: true },
          editedAt: { type: "string", required: true },
          editorName: { type: "string", required: true },
        },
      },
    },
    createdAt: timestamps.createdAt,
    editedAt: { type: "string" },
  },
  indexes: {
    byQuestion: {
      pk: { field: "pk", composite: ["questionId"] },
      sk: { field: "sk", composite: ["id"] },
    },
  },
});

/** One expert covering one topic: who gets a topic's questions. */
export const ExpertTopicEntity = /* @__PURE__ */ new Entity({
  model: { entity: "expertTopic", version: "1", service: SERVICE },
  attributes: {
    topic: { type: consultationTopicIds, required: true },
    accountId: { type: "string", required: true },
  },
  indexes: {
    byTopic: {
      pk: { field: "pk", composite: ["topic"] },
      sk: { field: "sk", composite: ["accountId"] },
    },
  },
});

/**
 * The knowledge base: an answered public question under its topic and under "all", newest
 * answer first (the same facet idea as the Resource Bank catalogue, ADR 008).
 */
export const KnowledgeEntryEntity = /* @__PURE__ */ new Entity({
  model: { entity: "knowledgeEntry", version: "1", service: SERVICE },
  attributes: {
    facet: { type: "string", required: true },
    answeredAt: { type: "string", required: true },
    questionId: { type: "string", required: true },
    topic: { type: consultationTopicIds, required: true },
    title: { type: "string", required: true },
    excerpt: { type: "string", required: true },
    searchText: { type: "string", required: true },
    solved: { type: "boolean", required: true },
    bodyName: { type: "string" },
  },
  indexes: {
    byFacet: {
      pk: { field: "pk", composite: ["facet"] },
      sk: { field: "sk", composite: ["answeredAt", "questionId"] },
    },
  },
});

/**
 * A question as the scorecard counts it, under its scope ("experts" or "body#<id>") by the time
 * it was asked: written with the question, completed with its first answer.
 */
export const QuestionStatEntity = /* @__PURE__ */ new Entity({
  model: { entity: "questionStat", version: "1", service: SERVICE },
  attributes: {
    scope: { type: "string", required: true },
    createdAt: { type: "string", required: true },
    questionId: { type: "string", required: true },
    dueAt: { type: "string", required: true },
    firstAnsweredAt: { type: "string" },
    answeredByAccountId: { type: "string" },
    answeredByName: { type: "string" },
  },
  indexes: {
    byScope: {
      pk: { field: "pk", composite: ["scope"] },
      sk: { field: "sk", composite: ["createdAt", "questionId"] },
    },
  },
});
