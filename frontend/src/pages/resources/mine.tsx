import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getMyResources } from "../../data/resources";
import { DataBoundary } from "../../ui/status";
import { kindBadge, statusClass, statusName } from "./labels";

/** "Мои объявления" on the account page: the person's and their organisations' listings. */
export function MyListings() {
  return (
    <section aria-labelledby="listings-title" class="section">
      <h2 id="listings-title">Мои объявления</h2>
      <DataBoundary loading="Загружаем объявления…">
        <MyListingsList />
      </DataBoundary>
      <p>
        <a href="/resources/new">Разместить объявление</a>
      </p>
    </section>
  );
}

function MyListingsList() {
  const mine = createAsync(() => getMyResources());
  return (
    <Show
      when={(mine()?.items.length ?? 0) > 0}
      fallback={<p>У вас пока нет объявлений в банке ресурсов.</p>}
    >
      <ul class="plain-list membership-list">
        <For each={mine()?.items}>
          {(listing) => (
            <li>
              <span class={`badge badge--${listing.kind}`}>{kindBadge[listing.kind]}</span>
              <a href={`/resources/${listing.id}`}>{listing.title}</a>
              <span class="muted"> — {listing.owner.name}</span>
              <span class={`status status--${statusClass[listing.status]}`}>
                {statusName[listing.status]}
              </span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
