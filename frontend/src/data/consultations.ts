import type {
  AskQuestion,
  KnowledgeEntry,
  QuestionDetail,
  QuestionView,
  Scorecard,
  SolveQuestion,
} from "@cluster/core/consultation/schema";
import { type ConsultationTopic, consultationTopicIds } from "@cluster/core/reference";
import { action, query } from "@solidjs/router";
import { ApiError, api, type Page, queryString } from "./api";
import { oneOf, type SearchParams, textParam } from "./params";

export type KnowledgeFilters = { topic?: ConsultationTopic; q?: string };

export const knowledgeFilters = (search: SearchParams): KnowledgeFilters => ({
  topic: oneOf<ConsultationTopic>(consultationTopicIds, search.topic),
  q: textParam(search.q),
});

export const knowledgePageSize = 20;

export const getKnowledge = query(
  (filters: KnowledgeFilters, cursor?: string, limit = knowledgePageSize) =>
    api.get<Page<KnowledgeEntry>>(`/api/consultations${queryString({ ...filters, cursor, limit })}`),
  "knowledge",
);

/** Null when the question does not exist or is not visible to this person. */
export const getQuestion = query(async (id: string): Promise<QuestionDetail | null> => {
  try {
    return await api.get<QuestionDetail>(`/api/consultations/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}, "question");

export const getMyQuestions = query(
  () => api.get<{ items: QuestionView[] }>("/api/consultations/mine"),
  "my-questions",
);

export const getDesk = query(
  () => api.get<{ unanswered: QuestionView[]; taken: QuestionView[] }>("/api/consultations/desk"),
  "consultation-desk",
);

export const askQuestion = action(
  (input: AskQuestion) => api.post<QuestionView>("/api/consultations", input),
  "ask-question",
);

const path = (id: string, rest: string) => `/api/consultations/${encodeURIComponent(id)}/${rest}`;

export const takeQuestion = action(
  (id: string, version: number) => api.post<QuestionView>(path(id, "take"), { version }),
  "take-question",
);

export const answerQuestion = action(
  (id: string, text: string) => api.post<QuestionDetail>(path(id, "answers"), { text }),
  "answer-question",
);

export const editAnswer = action(
  (id: string, postId: string, text: string) =>
    api.patch<QuestionDetail>(path(id, `answers/${encodeURIComponent(postId)}`), { text }),
  "edit-answer",
);

export const followUp = action(
  (id: string, text: string) => api.post<QuestionDetail>(path(id, "followups"), { text }),
  "follow-up",
);

export const solveQuestion = action(
  (id: string, input: SolveQuestion) => api.post<QuestionDetail>(path(id, "solve"), input),
  "solve-question",
);

export const getScorecard = query(() => api.get<Scorecard>("/api/consultations/scorecard"), "scorecard");

export const getAnswerers = query(
  (id: string) => api.get<{ items: { id: string; name: string }[] }>(path(id, "answerers")),
  "answerers",
);

export const reassignQuestion = action(
  (id: string, accountId: string, version: number) =>
    api.post<QuestionView>(path(id, "assign"), { accountId, version }),
  "reassign-question",
);
