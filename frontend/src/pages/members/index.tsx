import {
  municipalities,
  municipalityName,
  organisationKindName,
  organisationKinds,
  sphereName,
  spheres,
} from "@cluster/core/reference";
import { useIsRouting } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { directoryFilters, getMembers } from "../../data/members";
import { sameFilters } from "../../data/params";
import { enumeration } from "../../ui/format";
import { PageTitle } from "../../ui/page-title";
import { createPagedList, Pager } from "../../ui/pager";
import { SearchFilters } from "../../ui/search-filters";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { createUrlFilters } from "../../ui/url-filters";

const filterKeys = ["q", "kind", "sphere", "municipality"] as const;

export default function Directory() {
  const { search, set: setFilter, reset } = createUrlFilters(filterKeys);
  const routing = useIsRouting();

  // Filters come from the URL (shareable, survive reload and "back"); unknown values are ignored.
  const filters = createMemo(() => directoryFilters(search), {}, { equals: sameFilters });
  const hasFilters = () => Object.values(filters()).some(Boolean);

  const list = createPagedList(filters, getMembers);

  return (
    <>
      <PageTitle>Организации кластера</PageTitle>
      <p class="lead">НКО, компании, органы власти, СМИ и эксперты Калужской области — участники кластера.</p>

      <SearchFilters
        label="Поиск организаций"
        searchLabel="Поиск по названию"
        query={filters().q}
        onSearch={(text) => setFilter("q", text)}
        canReset={hasFilters()}
        onReset={reset}
      >
        <Select
          name="kind"
          label="Вид участника"
          placeholder="Все виды"
          options={organisationKinds.map((k) => ({ value: k.id, label: k.plural }))}
          value={filters().kind ?? ""}
          onValue={(value) => setFilter("kind", value)}
        />
        <Select
          name="sphere"
          label="Сфера деятельности"
          placeholder="Все сферы"
          options={spheres.map((s) => ({ value: s.id, label: s.name }))}
          value={filters().sphere ?? ""}
          onValue={(value) => setFilter("sphere", value)}
        />
        <Select
          name="municipality"
          label="Муниципалитет"
          placeholder="Все муниципалитеты"
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          value={filters().municipality ?? ""}
          onValue={(value) => setFilter("municipality", value)}
        />
      </SearchFilters>

      <section aria-labelledby="results-title" aria-busy={routing() ? "true" : undefined} class="results">
        <h2 id="results-title" class="visually-hidden">
          Результаты поиска
        </h2>
        <DataBoundary loading="Загружаем организации…">
          <Show
            when={list.items().length > 0}
            fallback={
              <div class="empty">
                <Show
                  when={hasFilters()}
                  fallback={
                    <p>
                      В каталоге пока нет организаций. Станьте первыми —{" "}
                      <a href="/join">вступите в кластер</a>.
                    </p>
                  }
                >
                  <p role="status">
                    Ничего не найдено. Проверьте написание или сбросьте часть фильтров: поиск идёт по названию
                    организации.
                  </p>
                </Show>
              </div>
            }
          >
            <ul class="result-list">
              <For each={list.items()}>
                {(entry) => (
                  <li class="result">
                    <Show when={entry.logoUrl}>
                      {(src) => (
                        <img
                          class="logo result-logo"
                          src={src()}
                          alt=""
                          width={56}
                          height={56}
                          loading="lazy"
                          decoding="async"
                        />
                      )}
                    </Show>
                    <h3 class="result-title">
                      <a href={`/members/${entry.id}`}>{entry.name}</a>
                      <Show when={entry.demo}>
                        {" "}
                        <span class="badge" title="Демонстрационная запись, не настоящая организация">
                          демо
                        </span>
                      </Show>
                    </h3>
                    <Show when={entry.shortName}>
                      <p class="result-short">{entry.shortName}</p>
                    </Show>
                    <p class="result-meta">
                      {organisationKindName[entry.kind]} · {municipalityName[entry.municipality]}
                    </p>
                    <Show when={entry.spheres.length > 0}>
                      <p class="result-spheres">{enumeration(entry.spheres.map((s) => sphereName[s]))}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Pager list={list} noun={["организация", "организации", "организаций"]} />
          </Show>
        </DataBoundary>
      </section>
    </>
  );
}
