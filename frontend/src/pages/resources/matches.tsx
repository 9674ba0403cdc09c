import { placeName } from "@cluster/core/reference";
import type { Listing } from "@cluster/core/resource/schema";
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getMatches } from "../../data/resources";
import { DataBoundary } from "../../ui/status";
import { kindBadge } from "./labels";

/** "Подходящие предложения/запросы": open listings of the other kind that fit (ADR 010). */
export function Matches(props: { listing: Listing }) {
  const title = () => (props.listing.kind === "request" ? "Подходящие предложения" : "Подходящие запросы");
  return (
    <section aria-labelledby="matches-title" class="section">
      <h2 id="matches-title">{title()}</h2>
      <DataBoundary loading="Ищем подходящие объявления…">
        <MatchList id={props.listing.id} />
      </DataBoundary>
    </section>
  );
}

function MatchList(props: { id: string }) {
  const matches = createAsync(() => getMatches(props.id));
  return (
    <Show
      when={(matches()?.items.length ?? 0) > 0}
      fallback={<p>Пока ничего подходящего. Мы напишем вам на почту, когда появится.</p>}
    >
      <ul class="plain-list result-list">
        <For each={matches()?.items}>
          {({ entry }) => (
            <li class="result">
              <span class={`badge badge--${entry.kind}`}>{kindBadge[entry.kind]}</span>{" "}
              <a href={`/resources/${entry.id}`}>{entry.title}</a>
              <p class="result-meta">
                {placeName[entry.place]} · {entry.owner.name}
              </p>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
