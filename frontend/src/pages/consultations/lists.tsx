import type { QuestionView } from "@cluster/core/consultation/schema";
import { consultationTopicName } from "@cluster/core/reference";
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getDesk, getMyQuestions } from "../../data/consultations";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { SignInGate } from "../login/gate";
import { dueText, questionStatusClass, questionStatusName } from "./labels";

function QuestionList(props: { items: QuestionView[]; empty: string }) {
  return (
    <Show when={props.items.length > 0} fallback={<p>{props.empty}</p>}>
      <ul class="plain-list result-list">
        <For each={props.items}>
          {(q) => (
            <li class="result">
              <h3 class="result-title">
                <a href={`/consultations/${q.id}`}>{q.title}</a>
              </h3>
              <p class="result-meta">
                {consultationTopicName[q.topic]}
                <Show when={q.body}>{(body) => <> · {body().name}</>}</Show>
                <Show when={q.assignee}>{(name) => <> · отвечает {name()}</>}</Show>
                <Show when={q.status === "open"}> · {dueText(q.dueAt)}</Show>{" "}
                <span class={`status status--${questionStatusClass[q.status]}`}>
                  {questionStatusName[q.status]}
                </span>
                <Show when={q.overdue}>
                  {" "}
                  <span class="status status--rejected">Просрочен</span>
                </Show>
              </p>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** "Мои вопросы" on the account page. */
export function MyQuestions() {
  const mine = createAsync(() => getMyQuestions());
  return (
    <section aria-labelledby="my-questions-title" class="section">
      <h2 id="my-questions-title">Мои вопросы</h2>
      <DataBoundary loading="Загружаем вопросы…">
        <QuestionList items={mine()?.items ?? []} empty="Вы ещё не задавали вопросов." />
      </DataBoundary>
      <p>
        <a href="/consultations/ask">Задать вопрос</a>
      </p>
    </section>
  );
}

/** An expert's or official's desk: what waits for an answer (soonest due first) and what they took. */
export default function DeskPage() {
  return (
    <>
      <PageTitle>Вопросы ко мне</PageTitle>
      <SignInGate reason="Войдите, чтобы увидеть вопросы по вашим темам.">
        <DataBoundary>
          <Desk />
        </DataBoundary>
      </SignInGate>
    </>
  );
}

function Desk() {
  const desk = createAsync(() => getDesk());
  return (
    <>
      <section aria-labelledby="waiting-title" class="section">
        <h2 id="waiting-title">Ждут ответа</h2>
        <QuestionList
          items={desk()?.unanswered ?? []}
          empty="Новых вопросов по вашим темам нет. Темы эксперту назначают координаторы."
        />
      </section>
      <section aria-labelledby="taken-title" class="section">
        <h2 id="taken-title">Взятые мной</h2>
        <QuestionList items={desk()?.taken ?? []} empty="Вы ещё не брали вопросы в работу." />
      </section>
    </>
  );
}
