import type { QuestionView } from "@cluster/core/consultation/schema";
import { consultationTopics } from "@cluster/core/reference";
import { formatDayTime } from "../../ui/format";

export const topicOptions = consultationTopics.map((topic) => ({ value: topic.id, label: topic.name }));

export const questionStatusName: Record<QuestionView["status"], string> = {
  open: "Ждёт ответа",
  answered: "Есть ответ",
  solved: "Решён",
};

export const questionStatusClass: Record<QuestionView["status"], string> = {
  open: "pending",
  answered: "approved",
  solved: "approved",
};

/** "до 1 декабря в 23:59 (мск)" */
export const dueText = (iso: string) => `до ${formatDayTime(iso)} (мск)`;
