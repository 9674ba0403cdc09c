import {
  AskQuestion,
  KnowledgeEntry,
  KnowledgeQuery,
  PostText,
  QuestionDetail,
  QuestionView,
  Scorecard,
  SolveQuestion,
  TakeQuestion,
} from "@cluster/core/consultation/schema";
import { Page } from "@cluster/core/shared/page";
import * as z from "zod/mini";
import { operations } from "../http/operation";

const tag = "Консультации";

export const consultationOperations = operations({
  ask: {
    method: "post",
    path: "/api/consultations",
    summary: "Ask a question of the topic's experts or of an authority body; the deadline is set at once",
    tag,
    access: "person",
    body: AskQuestion,
    response: QuestionView,
    status: 201,
  },
  knowledge: {
    method: "get",
    path: "/api/consultations",
    summary: "The knowledge base: answered public questions, newest answer first; by topic and text",
    tag,
    access: "guest",
    query: KnowledgeQuery,
    response: Page(KnowledgeEntry),
  },
  mine: {
    method: "get",
    path: "/api/consultations/mine",
    summary: "The questions I asked",
    tag,
    access: "person",
    response: z.object({ items: z.array(QuestionView) }),
  },
  desk: {
    method: "get",
    path: "/api/consultations/desk",
    summary:
      "An expert's or official's desk: unanswered questions of their topics or bodies, and those they took",
    tag,
    access: "person",
    response: z.object({ unanswered: z.array(QuestionView), taken: z.array(QuestionView) }),
  },
  scorecard: {
    method: "get",
    path: "/api/consultations/scorecard",
    summary:
      "Answer times per authority body and for experts, last 30/90/365 days (per person for coordinators)",
    tag,
    access: "guest",
    response: Scorecard,
  },
  detail: {
    method: "get",
    path: "/api/consultations/{id}",
    summary: "A question and its thread (private ones only for the asker, the answerers and coordinators)",
    tag,
    access: "guest",
    response: QuestionDetail,
  },
  take: {
    method: "post",
    path: "/api/consultations/{id}/take",
    summary: "Take a question into work (an expert of its topic or an official of its body)",
    tag,
    access: "person",
    body: TakeQuestion,
    response: QuestionView,
  },
  answer: {
    method: "post",
    path: "/api/consultations/{id}/answers",
    summary: "Answer a question you took; the asker is emailed",
    tag,
    access: "person",
    body: PostText,
    response: QuestionDetail,
    status: 201,
  },
  editAnswer: {
    method: "patch",
    path: "/api/consultations/{id}/answers/{postId}",
    summary: "Edit your answer (its history is kept; an accepted answer cannot change)",
    tag,
    access: "person",
    body: PostText,
    response: QuestionDetail,
  },
  followUp: {
    method: "post",
    path: "/api/consultations/{id}/followups",
    summary: "The asker's follow-up question; the assignee is emailed",
    tag,
    access: "person",
    body: PostText,
    response: QuestionDetail,
    status: 201,
  },
  solve: {
    method: "post",
    path: "/api/consultations/{id}/solve",
    summary: "The asker marks an answer as the solution and rates it 1–5",
    tag,
    access: "person",
    body: SolveQuestion,
    response: QuestionDetail,
  },
});
