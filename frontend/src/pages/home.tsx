import {
  consultationTopicName,
  municipalityName,
  organisationKindName,
  placeName,
  resourceCategoryName,
} from "@cluster/core/reference";
import { createAsync } from "@solidjs/router";
import { For, type JSX, Show } from "solid-js";
import { getKnowledge } from "../data/consultations";
import { getEvents } from "../data/events";
import { getNewestMembers } from "../data/members";
import { getLedger, getResources } from "../data/resources";
import { formatDate, plural } from "../ui/format";
import { PageTitle } from "../ui/page-title";
import { DataBoundary } from "../ui/status";
import { eventMeta } from "./events/labels";
import { formatRoubles, kindBadge } from "./resources/labels";

/** How many of each area's newest items the home page shows. */
export const HOME_ITEMS = 3;

/** The home page's requests, started by the route's preload as well as by the page. */
export function preloadHome() {
  void getResources({}, undefined, HOME_ITEMS);
  void getKnowledge({}, undefined, HOME_ITEMS);
  void getEvents({}, undefined, HOME_ITEMS);
  void getNewestMembers(HOME_ITEMS);
  void getLedger({});
}

export default function Home() {
  return (
    <>
      <section class="hero" aria-labelledby="home-title">
        <PageTitle id="home-title" title="Главная">
          Кластер НКО Калужской области
        </PageTitle>
        <p class="lead">
          Кластер объединяет около 1&nbsp;550 некоммерческих организаций Калужской области с бизнесом,
          органами власти, СМИ и экспертами, чтобы вместе решать задачи региона: находить партнёров, делиться
          ресурсами и получать поддержку.
        </p>
        <div class="actions">
          <a href="/members" class="button button--primary">
            Найти организацию
          </a>
          <a href="/join" class="button button--secondary">
            Вступить в кластер
          </a>
        </div>
        <div class="home-figure">
          <DataBoundary loading="Считаем передачи…">
            <LedgerLine />
          </DataBoundary>
        </div>
      </section>

      <div class="home-areas">
        <Area
          id="home-resources"
          title="Банк ресурсов"
          about="Помещения, техника, транспорт, помощь специалистов и волонтёров — безвозмездно."
          all={{ href: "/resources", text: "Все объявления" }}
          more={{ href: "/resources/new", text: "Предложить или попросить" }}
        >
          <NewListings />
        </Area>
        <Area
          id="home-answers"
          title="Консультации"
          about="Ответы юристов, бухгалтеров, грантовых экспертов и органов власти на вопросы НКО."
          all={{ href: "/consultations", text: "Все ответы" }}
          more={{ href: "/consultations/ask", text: "Задать вопрос" }}
        >
          <NewAnswers />
        </Area>
        <Area
          id="home-events"
          title="Мероприятия"
          about="Встречи, вебинары, консультационные дни, стратегическая сессия и ярмарка социальных проектов."
          all={{ href: "/events", text: "Все мероприятия" }}
          more={{ href: "/events?when=past", text: "Прошедшие" }}
        >
          <NextEvents />
        </Area>
        <Area
          id="home-members"
          title="Новые участники"
          about="НКО, компании, органы власти, СМИ и эксперты, вступившие в кластер."
          all={{ href: "/members", text: "Каталог участников" }}
          more={{ href: "/join", text: "Подать заявку" }}
        >
          <NewMembers />
        </Area>
      </div>

      <section aria-labelledby="digest-title" class="section card">
        <h2 id="digest-title">Дайджест на почту</h2>
        <p>Раз в неделю или каждый день — новые объявления, ответы экспертов и участники по вашим темам.</p>
        <a href="/digest">Подписаться на дайджест</a>
      </section>

      <section aria-labelledby="soon-title" class="section">
        <h2 id="soon-title">Скоро</h2>
        <ul class="soon-list">
          <li>
            <strong>Обучение и гранты</strong> — курсы по проектированию и календарь грантовых конкурсов.
          </li>
        </ul>
      </section>
    </>
  );
}

function Area(props: {
  id: string;
  title: string;
  about: string;
  all: { href: string; text: string };
  more: { href: string; text: string };
  children: JSX.Element;
}) {
  return (
    <section aria-labelledby={props.id} class="card home-area">
      <h2 id={props.id}>{props.title}</h2>
      <p class="home-about">{props.about}</p>
      <div class="home-list">
        <DataBoundary>{props.children}</DataBoundary>
      </div>
      <p class="home-links">
        <a href={props.all.href}>{props.all.text}</a>
        <a href={props.more.href}>{props.more.text}</a>
      </p>
    </section>
  );
}

function LedgerLine() {
  const ledger = createAsync(() => getLedger({}));
  return (
    <Show when={ledger()?.given.count}>
      {(count) => (
        <p>
          Через Банк ресурсов уже состоялось {count()} {plural(count(), ["передача", "передачи", "передач"])}
          <Show when={ledger()?.given.value}>{(value) => <> на {formatRoubles(value())}</>}</Show>.
        </p>
      )}
    </Show>
  );
}

function NewListings() {
  const page = createAsync(() => getResources({}, undefined, HOME_ITEMS));
  return (
    <Show when={page()?.items.length} fallback={<p>Объявлений пока нет.</p>}>
      <ul class="home-items">
        <For each={page()?.items}>
          {(entry) => (
            <li>
              <a href={`/resources/${entry.id}`}>{entry.title}</a>
              <span class="home-meta">
                {kindBadge[entry.kind]} · {resourceCategoryName[entry.category]} · {placeName[entry.place]}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function NewAnswers() {
  const page = createAsync(() => getKnowledge({}, undefined, HOME_ITEMS));
  return (
    <Show when={page()?.items.length} fallback={<p>Ответов пока нет.</p>}>
      <ul class="home-items">
        <For each={page()?.items}>
          {(entry) => (
            <li>
              <a href={`/consultations/${entry.id}`}>{entry.title}</a>
              <span class="home-meta">
                {consultationTopicName[entry.topic]} · ответ {formatDate(entry.answeredAt)}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function NextEvents() {
  const page = createAsync(() => getEvents({}, undefined, HOME_ITEMS));
  return (
    <Show when={page()?.items.length} fallback={<p>Ближайших мероприятий пока нет.</p>}>
      <ul class="home-items">
        <For each={page()?.items}>
          {(event) => (
            <li>
              <a href={`/events/${event.id}`}>{event.title}</a>
              <span class="home-meta">{eventMeta(event)}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

function NewMembers() {
  const page = createAsync(() => getNewestMembers(HOME_ITEMS));
  return (
    <Show when={page()?.items.length} fallback={<p>Участников пока нет.</p>}>
      <ul class="home-items">
        <For each={page()?.items}>
          {(entry) => (
            <li>
              <a href={`/members/${entry.id}`}>{entry.shortName ?? entry.name}</a>
              <span class="home-meta">
                {organisationKindName[entry.kind]} · {municipalityName[entry.municipality]}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
