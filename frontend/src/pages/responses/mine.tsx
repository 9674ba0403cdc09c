import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getMyResponses } from "../../data/resources";
import { formatDate } from "../../ui/format";
import { DataBoundary } from "../../ui/status";
import { kindBadge, responseStatusClass, responseStatusName } from "../resources/labels";

/** "Мои отклики" on the account page. */
export function MyResponses() {
  return (
    <section aria-labelledby="my-responses-title" class="section">
      <h2 id="my-responses-title">Мои отклики</h2>
      <DataBoundary loading="Загружаем отклики…">
        <MyResponseList />
      </DataBoundary>
    </section>
  );
}

function MyResponseList() {
  const mine = createAsync(() => getMyResponses());
  return (
    <Show when={(mine()?.items.length ?? 0) > 0} fallback={<p>Вы ещё не откликались на объявления.</p>}>
      <ul class="plain-list membership-list">
        <For each={mine()?.items}>
          {(response) => (
            <li>
              <span class={`badge badge--${response.listing.kind}`}>{kindBadge[response.listing.kind]}</span>
              <a href={`/responses/${response.id}`}>{response.listing.title}</a>
              <span class="muted">
                {" "}
                — {response.listing.ownerName}, {formatDate(response.createdAt)}
              </span>
              <span class={`status status--${responseStatusClass[response.status]}`}>
                {responseStatusName[response.status]}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
