import { consultationTopicName } from "@cluster/core/reference";
import { useIsRouting } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { getKnowledge, knowledgeFilters } from "../../data/consultations";
import { sameFilters } from "../../data/params";
import { useSession } from "../../providers/session";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { createPagedList, Pager } from "../../ui/pager";
import { SearchFilters } from "../../ui/search-filters";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { createUrlFilters } from "../../ui/url-filters";
import { topicOptions } from "./labels";

const filterKeys = ["topic", "q"] as const;

/** The knowledge base: answered public questions, by topic and text. */
export default function KnowledgeBase() {
  const { hasRole } = useSession();
  const { search, set: setFilter, reset } = createUrlFilters(filterKeys);
  const routing = useIsRouting();
  const filters = createMemo(() => knowledgeFilters(search), {}, { equals: sameFilters });
  const hasFilters = () => Boolean(filters().topic || filters().q);
  const list = createPagedList(filters, getKnowledge);

  return (
    <>
      <PageTitle>Консультации</PageTitle>
      <p class="lead">
        Юристы, бухгалтеры, грантовые эксперты и представители органов власти отвечают на вопросы НКО — в срок
        и онлайн. Ответы на открытые вопросы собраны здесь: поищите, возможно, ваш вопрос уже разобран.
      </p>
      <div class="actions">
        <a href="/consultations/ask" class="button button--primary">
          Задать вопрос
        </a>
        <a href="/consultations/scorecard" class="button button--secondary">
          Скорость ответов
        </a>
        <Show when={hasRole("expert") || hasRole("official") || hasRole("coordinator")}>
          <a href="/consultations/desk" class="button button--secondary">
            Вопросы ко мне
          </a>
        </Show>
      </div>

      <SearchFilters
        label="Поиск по базе ответов"
        searchLabel="Поиск по вопросам и ответам"
        query={filters().q}
        onSearch={(text) => setFilter("q", text)}
        canReset={hasFilters()}
        onReset={reset}
      >
        <Select
          name="topic"
          label="Тема"
          placeholder="Все темы"
          options={topicOptions}
          value={filters().topic ?? ""}
          onValue={(value) => setFilter("topic", value)}
        />
      </SearchFilters>

      <section aria-labelledby="answers-title" aria-busy={routing() ? "true" : undefined} class="results">
        <h2 id="answers-title" class="visually-hidden">
          Вопросы с ответами
        </h2>
        <DataBoundary loading="Загружаем ответы…">
          <Show
            when={list.items().length > 0}
            fallback={
              <div class="empty">
                <p role="status">
                  {hasFilters()
                    ? "Ничего не найдено. Попробуйте другие слова или задайте вопрос."
                    : "Ответов пока нет. Задайте первый вопрос."}
                </p>
              </div>
            }
          >
            <ul class="result-list">
              <For each={list.items()}>
                {(entry) => (
                  <li class="result">
                    <h3 class="result-title">
                      <a href={`/consultations/${entry.id}`}>{entry.title}</a>
                    </h3>
                    <p class="result-meta">
                      {consultationTopicName[entry.topic]} · ответ {formatDate(entry.answeredAt)}
                      <Show when={entry.body}>{(body) => <> · официальный ответ: {body()}</>}</Show>
                      <Show when={entry.solved}> · решён</Show>
                    </p>
                    <p class="result-short">{entry.excerpt}</p>
                  </li>
                )}
              </For>
            </ul>
            <Pager list={list} noun={["вопрос", "вопроса", "вопросов"]} />
          </Show>
        </DataBoundary>
      </section>
    </>
  );
}
