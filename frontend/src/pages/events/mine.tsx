import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { ApiError } from "../../data/api";
import { getMyRegistrations, renewCalendarFeed } from "../../data/events";
import { ProblemAlert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { DataBoundary } from "../../ui/status";
import { eventMeta, registrationStatusName } from "./labels";

/** The account page's events: where I am registered or waiting, and my own calendar feed. */
export function MyEvents() {
  const page = createAsync(() => getMyRegistrations());
  const renew = useAction(renewCalendarFeed);
  const renewing = useSubmission(renewCalendarFeed);
  const [feed, setFeed] = createSignal<{ url: string; webcal: string }>();
  const [problem, setProblem] = createSignal<string>();

  async function onRenew() {
    setProblem(undefined);
    try {
      setFeed(await renew());
    } catch (error) {
      setProblem(
        error instanceof ApiError ? error.message : "Не удалось получить ссылку. Попробуйте ещё раз.",
      );
    }
  }

  return (
    <section aria-labelledby="my-events-title" class="section">
      <h2 id="my-events-title">Мои мероприятия</h2>
      <DataBoundary loading="Загружаем мероприятия…">
        <Show
          when={page()?.items.length}
          fallback={
            <p>
              Вы пока никуда не зарегистрированы. <a href="/events">Календарь мероприятий</a>
            </p>
          }
        >
          <ul class="plain-list">
            <For each={page()?.items}>
              {(item) => (
                <li>
                  <a href={`/events/${item.event.id}`}>{item.event.title}</a>
                  <span class="muted"> — {eventMeta(item.event)}. </span>
                  <span>{registrationStatusName[item.registration.status]}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </DataBoundary>
      <p>
        Мероприятия, на которые вы зарегистрированы, можно видеть в своём календаре (Яндекс, Google, Outlook,
        на телефоне): подпишитесь на личную ссылку. Она секретная: в ней ссылки на подключение.
      </p>
      <Show when={feed()}>
        {(current) => (
          <div class="panel" role="status">
            <p>
              Ваша ссылка на календарь (сохраните её: показываем один раз; прежняя ссылка больше не работает):
            </p>
            <p>
              <code class="break">{current().url}</code>
            </p>
            <p>
              <a href={current().webcal} rel="external">
                Подписаться в приложении календаря
              </a>
            </p>
          </div>
        )}
      </Show>
      <ProblemAlert message={problem()} />
      <Button variant="secondary" pending={renewing.pending} onClick={onRenew}>
        {feed() ? "Получить новую ссылку" : "Получить ссылку на мой календарь"}
      </Button>
    </section>
  );
}
