import {
  consultationTopicName,
  eventKindName,
  municipalityName,
  organisationKindName,
  placeName,
  resourceCategoryName,
} from "@cluster/core/reference";
import { createAsync, useLocation } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { getPortalSearch, type PortalResults } from "../data/search";
import { formatDate } from "../ui/format";
import { PageTitle } from "../ui/page-title";
import { DataBoundary } from "../ui/status";
import { materialMeta } from "./materials/labels";
import { kindBadge } from "./resources/labels";

/** The header search's results: each area's first ones in a group, each linking on to its list. */
export default function SearchPage() {
  const location = useLocation();
  const q = () => String(location.query.q ?? "").trim();
  return (
    <>
      <PageTitle title="Поиск">Поиск по порталу</PageTitle>
      <Show
        when={q()}
        fallback={
          <p>Введите в поле поиска название организации, ресурса, мероприятия, материала или тему вопроса.</p>
        }
      >
        <DataBoundary loading="Ищем…">
          <Results q={q()} />
        </DataBoundary>
      </Show>
    </>
  );
}

function Results(props: { q: string }) {
  const results = createAsync(() => getPortalSearch(props.q));
  const found = () => {
    const value = results();
    return value && !("refusal" in value) ? value : undefined;
  };
  const refusal = () => {
    const value = results();
    return value && "refusal" in value ? value.refusal : undefined;
  };
  const empty = () => {
    const value = found();
    return (
      value &&
      !value.organisations.items.length &&
      !value.listings.items.length &&
      !value.answers.items.length &&
      !value.events.items.length &&
      !value.materials.items.length
    );
  };
  const more = (path: string) => `${path}?${new URLSearchParams({ q: props.q })}`;
  return (
    <>
      <Show when={refusal()}>{(message) => <p role="status">{message()}</p>}</Show>
      <Show when={empty()}>
        <p role="status">По запросу «{props.q}» ничего не найдено. Попробуйте другие слова.</p>
      </Show>
      <Show when={found()}>
        {(value) => (
          <div class="search-groups">
            <Group
              id="found-organisations"
              title="Организации"
              page={value().organisations}
              all={more("/members")}
            >
              {(entry: PortalResults["organisations"]["items"][number]) => (
                <>
                  <a href={`/members/${entry.id}`}>{entry.name}</a>
                  <span class="home-meta">
                    {organisationKindName[entry.kind]} · {municipalityName[entry.municipality]}
                  </span>
                </>
              )}
            </Group>
            <Group id="found-listings" title="Банк ресурсов" page={value().listings} all={more("/resources")}>
              {(entry: PortalResults["listings"]["items"][number]) => (
                <>
                  <a href={`/resources/${entry.id}`}>{entry.title}</a>
                  <span class="home-meta">
                    {kindBadge[entry.kind]} · {resourceCategoryName[entry.category]} ·{" "}
                    {placeName[entry.place]}
                  </span>
                </>
              )}
            </Group>
            <Group
              id="found-answers"
              title="Ответы на вопросы"
              page={value().answers}
              all={more("/consultations")}
            >
              {(entry: PortalResults["answers"]["items"][number]) => (
                <>
                  <a href={`/consultations/${entry.id}`}>{entry.title}</a>
                  <span class="home-meta">
                    {consultationTopicName[entry.topic]} · ответ {formatDate(entry.answeredAt)}
                  </span>
                </>
              )}
            </Group>
            <Group id="found-events" title="Мероприятия" page={value().events} all={more("/events")}>
              {(entry: PortalResults["events"]["items"][number]) => (
                <>
                  <a href={`/events/${entry.id}`}>{entry.title}</a>
                  <span class="home-meta">
                    {eventKindName[entry.kind]} · {formatDate(entry.startsAt)}
                    {entry.municipality
                      ? ` · ${municipalityName[entry.municipality as keyof typeof municipalityName]}`
                      : ""}
                  </span>
                </>
              )}
            </Group>
            <Group id="found-materials" title="Библиотека" page={value().materials} all={more("/materials")}>
              {(entry: PortalResults["materials"]["items"][number]) => (
                <>
                  <a href={`/materials/${entry.id}`}>{entry.title}</a>
                  <span class="home-meta">{materialMeta(entry)}</span>
                </>
              )}
            </Group>
          </div>
        )}
      </Show>
    </>
  );
}

function Group<T>(props: {
  id: string;
  title: string;
  page: { items: T[]; cursor: string | null };
  all: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <Show when={props.page.items.length}>
      <section aria-labelledby={props.id} class="card search-group">
        <h2 id={props.id}>{props.title}</h2>
        <ul class="home-items">
          <For each={props.page.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
        <Show when={props.page.cursor}>
          <p>
            <a href={props.all}>Все результаты: {props.title.toLowerCase()}</a>
          </p>
        </Show>
      </section>
    </Show>
  );
}
