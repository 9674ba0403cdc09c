import { consultationTopics, municipalities } from "@cluster/core/reference";
import { createAsync, useIsRouting } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { calendarFilters, getEventProposals, getEvents } from "../../data/events";
import { sameFilters } from "../../data/params";
import { useSession } from "../../providers/session";
import { PageTitle } from "../../ui/page-title";
import { createPagedList, Pager } from "../../ui/pager";
import { SearchFilters } from "../../ui/search-filters";
import { Select } from "../../ui/select";
import { DataBoundary } from "../../ui/status";
import { createUrlFilters } from "../../ui/url-filters";
import { eventMeta, formatOptions, kindOptions, seatsText } from "./labels";

const filterKeys = ["when", "kind", "format", "municipality", "topic", "q"] as const;
const municipalityOptions = municipalities.map((m) => ({ value: m.id, label: m.name }));
const topicOptions = consultationTopics.map((topic) => ({ value: topic.id, label: topic.name }));

/** The public feed as a calendar application subscribes to it. */
const webcalFeed = () => `${location.origin.replace(/^https?:/, "webcal:")}/api/events/calendar.ics`;

/** The programme: upcoming events soonest first, or past ones, by kind, format, place and topic. */
export default function Calendar() {
  const { session, hasRole } = useSession();
  const { search, set: setFilter } = createUrlFilters(filterKeys);
  // Resetting the filters keeps the tab: upcoming or past.
  const reset = () => {
    for (const key of ["kind", "format", "municipality", "topic", "q"] as const) setFilter(key, "");
  };
  const routing = useIsRouting();
  const filters = createMemo(() => calendarFilters(search), {}, { equals: sameFilters });
  const narrowed = () =>
    Boolean(filters().kind || filters().format || filters().municipality || filters().topic);
  const list = createPagedList(filters, getEvents);
  const past = () => filters().when === "past";

  return (
    <>
      <PageTitle>Мероприятия</PageTitle>
      <p class="lead">
        Встречи и вебинары со специалистами, консультационные дни, стратегическая и итоговая сессии, ярмарка
        социальных проектов. Регистрация онлайн: места, лист ожидания и напоминания — на почту.
      </p>
      <p>
        <a href={webcalFeed()} rel="external">
          Подписаться на календарь мероприятий
        </a>{" "}
        — новые мероприятия сами появятся в вашем календаре.
      </p>
      <Show when={session()?.account}>
        <div class="actions">
          <a href="/events/new" class="button button--secondary">
            {hasRole("coordinator") ? "Создать мероприятие" : "Предложить мероприятие"}
          </a>
        </div>
      </Show>

      <Show when={hasRole("coordinator")}>
        <Proposals />
      </Show>

      <nav aria-label="Предстоящие или прошедшие" class="tabs">
        <a href="/events" aria-current={past() ? undefined : "page"}>
          Предстоящие
        </a>
        <a href="/events?when=past" aria-current={past() ? "page" : undefined}>
          Прошедшие
        </a>
      </nav>

      <SearchFilters
        label="Поиск мероприятий"
        searchLabel="Поиск по названию, описанию, выступающим и месту"
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
          name="format"
          label="Формат"
          placeholder="Любой формат"
          options={formatOptions}
          value={filters().format ?? ""}
          onValue={(value) => setFilter("format", value)}
        />
        <Select
          name="municipality"
          label="Муниципалитет"
          placeholder="Вся область"
          options={municipalityOptions}
          value={filters().municipality ?? ""}
          onValue={(value) => setFilter("municipality", value)}
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

      <section aria-labelledby="events-title" aria-busy={routing() ? "true" : undefined} class="results">
        <h2 id="events-title" class="visually-hidden">
          {past() ? "Прошедшие мероприятия" : "Предстоящие мероприятия"}
        </h2>
        <DataBoundary loading="Загружаем мероприятия…">
          <Show
            when={list.items().length > 0}
            fallback={
              <div class="empty">
                <p role="status">
                  {narrowed()
                    ? "Таких мероприятий нет. Попробуйте другие фильтры."
                    : past()
                      ? "Прошедших мероприятий пока нет."
                      : "Предстоящих мероприятий пока нет."}
                </p>
              </div>
            }
          >
            <ul class="result-list">
              <For each={list.items()}>
                {(event) => (
                  <li class="result" classList={{ "result--photo": !!event.coverPath }}>
                    <Show when={event.coverPath}>
                      {(src) => (
                        <img class="result-photo" src={src()} alt="" loading="lazy" width="96" height="72" />
                      )}
                    </Show>
                    <h3 class="result-title">
                      <a href={`/events/${event.id}`}>{event.title}</a>
                    </h3>
                    <p class="result-meta">{eventMeta(event)}</p>
                    <Show when={!past()}>
                      <p class="result-short">{seatsText(event)}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <Pager list={list} noun={["мероприятие", "мероприятия", "мероприятий"]} />
          </Show>
        </DataBoundary>
      </section>
    </>
  );
}

/** For coordinators: what member organisations proposed, to publish or return. */
function Proposals() {
  const page = createAsync(() => getEventProposals());
  return (
    <Show when={page()?.items.length}>
      <section aria-labelledby="proposals-title" class="panel">
        <h2 id="proposals-title">Предложены организациями — на рассмотрении</h2>
        <ul class="plain-list">
          <For each={page()?.items}>
            {(event) => (
              <li>
                <a href={`/events/${event.id}`}>{event.title}</a>
                <span class="muted">
                  {" "}
                  — {event.organiser}, {eventMeta(event)}
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
