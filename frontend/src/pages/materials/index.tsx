import { consultationTopics } from "@cluster/core/reference";
import { createAsync, useIsRouting } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { getMaterialProposals, getMaterials, libraryFilters } from "../../data/materials";
import { sameFilters } from "../../data/params";
import { useSession } from "../../providers/session";
import { PageTitle } from "../../ui/page-title";
import { createPagedList, Pager } from "../../ui/pager";
import { SearchFilters } from "../../ui/search-filters";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { createUrlFilters } from "../../ui/url-filters";
import { kindOptions, materialMeta } from "./labels";

const filterKeys = ["sort", "kind", "topic", "q"] as const;
const topicOptions = consultationTopics.map((topic) => ({ value: topic.id, label: topic.name }));

/** The library: newest or most downloaded first, by kind and topic, and its own search. */
export default function Library() {
  const { session, hasRole } = useSession();
  const { search, set: setFilter } = createUrlFilters(filterKeys);
  const reset = () => {
    for (const key of ["kind", "topic", "q"] as const) setFilter(key, "");
  };
  const routing = useIsRouting();
  const filters = createMemo(() => libraryFilters(search), {}, { equals: sameFilters });
  const narrowed = () => Boolean(filters().kind || filters().topic || filters().q);
  const list = createPagedList(filters, getMaterials);
  const popular = () => filters().sort === "popular";
  const publishes = () => hasRole("coordinator") || hasRole("expert");

  return (
    <>
      <PageTitle>Библиотека</PageTitle>
      <p class="lead">
        Методические материалы о социальном проектировании, грантовых заявках, управлении проектами и
        продвижении: статьи, шаблоны документов, ссылки и записи вебинаров. Их готовят эксперты и организации,
        чьи проекты получали поддержку фондов.
      </p>
      <Show when={session()?.account}>
        <div class="actions">
          <a href="/materials/new" class="button button--secondary">
            {publishes() ? "Опубликовать материал" : "Предложить материал"}
          </a>
        </div>
      </Show>
      <Show when={hasRole("coordinator")}>
        <Proposals />
      </Show>

      <nav aria-label="Порядок" class="tabs">
        <a href="/materials" aria-current={popular() ? undefined : "page"}>
          Новые
        </a>
        <a href="/materials?sort=popular" aria-current={popular() ? "page" : undefined}>
          Популярные
        </a>
      </nav>

      <SearchFilters
        label="Поиск материалов"
        searchLabel="Поиск по названию, описанию и тексту статей"
        query={filters().q}
        onSearch={(text) => setFilter("q", text)}
        canReset={narrowed()}
        onReset={reset}
      >
        <Select
          name="kind"
          label="Вид"
          placeholder="Все виды"
          options={kindOptions}
          value={filters().kind ?? ""}
          onValue={(value) => setFilter("kind", value)}
        />
        <Select
          name="topic"
          label="Тема"
          placeholder="Все темы"
          options={topicOptions}
          value={filters().topic ?? ""}
          onValue={(value) => setFilter("topic", value)}
        />
      </SearchFilters>

      <section aria-labelledby="materials-title" aria-busy={routing() ? "true" : undefined} class="results">
        <h2 id="materials-title" class="visually-hidden">
          Материалы
        </h2>
        <DataBoundary loading="Загружаем материалы…">
          <Show
            when={list.items().length > 0}
            fallback={
              <div class="empty">
                <p role="status">
                  {narrowed() ? "Таких материалов нет. Попробуйте другие фильтры." : "Материалов пока нет."}
                </p>
              </div>
            }
          >
            <ul class="result-list">
              <For each={list.items()}>
                {(material) => (
                  <li class="result">
                    <h3 class="result-title">
                      <a href={`/materials/${material.id}`}>{material.title}</a>
                    </h3>
                    <p class="result-meta">{materialMeta(material)}</p>
                    <p class="result-short">{material.summary}</p>
                  </li>
                )}
              </For>
            </ul>
            <Pager list={list} noun={["материал", "материала", "материалов"]} />
          </Show>
        </DataBoundary>
      </section>
    </>
  );
}

/** For coordinators: what members proposed, to publish or return. */
function Proposals() {
  const page = createAsync(() => getMaterialProposals());
  return (
    <Show when={page()?.items.length}>
      <section aria-labelledby="material-proposals-title" class="panel">
        <h2 id="material-proposals-title">Предложены организациями — на рассмотрении</h2>
        <ul class="plain-list">
          <For each={page()?.items}>
            {(material) => (
              <li>
                <a href={`/materials/${material.id}`}>{material.title}</a>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
