import { placeName, resourceCategoryName } from "@cluster/core/reference";
import { useIsRouting } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { sameFilters } from "../../data/params";
import { catalogueFilters, getResources, listingKinds } from "../../data/resources";
import { formatDate } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { createPagedList, Pager } from "../../ui/pager";
import { SearchFilters } from "../../ui/search-filters";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { createUrlFilters } from "../../ui/url-filters";
import { categoryOptions, kindBadge, kindFilterName, placeOptions, quantityText } from "./labels";

const filterKeys = ["kind", "category", "place", "q"] as const;

export default function Catalogue() {
  const { search, set: setFilter, reset } = createUrlFilters(filterKeys);
  const routing = useIsRouting();

  const filters = createMemo(() => catalogueFilters(search), {}, { equals: sameFilters });
  const hasFilters = () => Object.values(filters()).some(Boolean);

  const list = createPagedList(filters, getResources);

  return (
    <>
      <PageTitle>Банк ресурсов</PageTitle>
      <p class="lead">
        Организации и жители Калужской области безвозмездно предлагают друг другу помещения, оборудование,
        транспорт, помощь специалистов и волонтёров, материалы — или пишут, что нужно им самим.
      </p>
      <div class="actions">
        <a href="/resources/new" class="button button--primary">
          Разместить объявление
        </a>
      </div>

      <SearchFilters
        label="Поиск в банке ресурсов"
        searchLabel="Поиск по тексту"
        query={filters().q}
        onSearch={(text) => setFilter("q", text)}
        canReset={hasFilters()}
        onReset={reset}
      >
        <Select
          name="kind"
          label="Тип"
          placeholder="Предложения и запросы"
          options={listingKinds.map((k) => ({ value: k, label: kindFilterName[k] }))}
          value={filters().kind ?? ""}
          onValue={(value) => setFilter("kind", value)}
        />
        <Select
          name="category"
          label="Категория"
          placeholder="Все категории"
          options={categoryOptions}
          value={filters().category ?? ""}
          onValue={(value) => setFilter("category", value)}
        />
        <Select
          name="place"
          label="Где"
          placeholder="Везде"
          options={placeOptions}
          value={filters().place ?? ""}
          onValue={(value) => setFilter("place", value)}
        />
      </SearchFilters>

      <section aria-labelledby="results-title" aria-busy={routing() ? "true" : undefined} class="results">
        <h2 id="results-title" class="visually-hidden">
          Объявления
        </h2>
        <DataBoundary loading="Загружаем объявления…">
          <Show
            when={list.items().length > 0}
            fallback={
              <div class="empty">
                <Show
                  when={hasFilters()}
                  fallback={
                    <p>
                      Объявлений пока нет. <a href="/resources/new">Разместите первое</a> — предложите ресурс
                      или напишите, что ищете.
                    </p>
                  }
                >
                  <p role="status">Ничего не найдено. Попробуйте другие слова или сбросьте часть фильтров.</p>
                </Show>
              </div>
            }
          >
            <ul class="result-list">
              <For each={list.items()}>
                {(entry) => (
                  <li class="result" classList={{ "result--photo": !!entry.photoUrl }}>
                    <Show when={entry.photoUrl}>
                      {(src) => (
                        <img class="result-photo" src={src()} alt="" loading="lazy" width="96" height="72" />
                      )}
                    </Show>
                    <h3 class="result-title">
                      <span class={`badge badge--${entry.kind}`}>{kindBadge[entry.kind]}</span>{" "}
                      <a href={`/resources/${entry.id}`}>{entry.title}</a>
                    </h3>
                    <p class="result-meta">
                      {resourceCategoryName[entry.category]} · {placeName[entry.place]}
                      <Show when={quantityText(entry.category, entry.quantity)}>
                        {(quantity) => <> · {quantity()}</>}
                      </Show>
                    </p>
                    <p class="result-short">
                      {entry.owner.name}
                      <Show when={entry.conditions === "cofinancing"}> · на условиях софинансирования</Show>
                      <Show when={entry.availableTo}>{(to) => <> · до {formatDate(to())}</>}</Show>
                    </p>
                  </li>
                )}
              </For>
            </ul>
            <Pager list={list} noun={["объявление", "объявления", "объявлений"]} />
          </Show>
        </DataBoundary>
      </section>
    </>
  );
}
