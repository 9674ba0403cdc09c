import type { QuestionView } from "@cluster/core/consultation/schema";
import { consultationTopics } from "@cluster/core/reference";
import { formatter } from "../../ui/format";

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

const dueFormat = formatter(
  () =>
    new Intl.DateTimeFormat("ru-RU", {
      timeZone: "Europe/Moscow",
      day: "numeric",
      month: "long",
      hour: "2-digit",
      minute: "2-digit",
    }),
);

/** "до 1 декабря, 23:59 (мск)" */
export const dueText = (iso: string) => `до ${dueFormat().format(new Date(iso))} (мск)`;
