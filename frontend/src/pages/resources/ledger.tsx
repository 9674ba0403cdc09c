import { resourceCategoryName } from "@cluster/core/reference";
import type { Ledger } from "@cluster/core/resource/schema";
import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getLedger } from "../../data/resources";
import { formatDate, plural } from "../../ui/format";
import { DataBoundary } from "../../ui/status";
import { formatRoubles } from "./labels";

const handovers = (count: number) => `${count} ${plural(count, ["передача", "передачи", "передач"])}`;

/** What an organisation gave and received through the Resource Bank (the contributions ledger). */
export function OrganisationLedger(props: { organisationId: string }) {
  return (
    <section aria-labelledby="ledger-title">
      <h2 id="ledger-title">Вклад в Банк ресурсов</h2>
      <DataBoundary loading="Загружаем вклад…">
        <LedgerLoaded organisationId={props.organisationId} />
      </DataBoundary>
    </section>
  );
}

function LedgerLoaded(props: { organisationId: string }) {
  const ledger = createAsync(() => getLedger({ organisationId: props.organisationId }));
  return <Show when={ledger()}>{(current) => <LedgerTable ledger={current()} perOrganisation />}</Show>;
}

export function LedgerTable(props: { ledger: Ledger; perOrganisation?: boolean }) {
  const l = () => props.ledger;
  return (
    <Show
      when={l().given.count + l().received.count > 0}
      fallback={<p>Передач через Банк ресурсов пока не было.</p>}
    >
      <dl class="facts">
        <dt>{props.perOrganisation ? "Передала" : "Всего передано"}</dt>
        <dd>
          {handovers(l().given.count)}
          <Show when={l().given.value > 0}> на {formatRoubles(l().given.value)}</Show>
        </dd>
        <Show when={props.perOrganisation}>
          <dt>Получила</dt>
          <dd>
            {handovers(l().received.count)}
            <Show when={l().received.value > 0}> на {formatRoubles(l().received.value)}</Show>
          </dd>
        </Show>
      </dl>
      <table class="table">
        <caption class="visually-hidden">Вклад по категориям</caption>
        <thead>
          <tr>
            <th scope="col">Категория</th>
            <th scope="col">{props.perOrganisation ? "Передала" : "Передано"}</th>
            <Show when={props.perOrganisation}>
              <th scope="col">Получила</th>
            </Show>
          </tr>
        </thead>
        <tbody>
          <For each={l().byCategory}>
            {(row) => (
              <tr>
                <th scope="row">{resourceCategoryName[row.category]}</th>
                <td>
                  {row.given.count}
                  <Show when={row.given.value > 0}> · {formatRoubles(row.given.value)}</Show>
                </td>
                <Show when={props.perOrganisation}>
                  <td>
                    {row.received.count}
                    <Show when={row.received.value > 0}> · {formatRoubles(row.received.value)}</Show>
                  </td>
                </Show>
              </tr>
            )}
          </For>
        </tbody>
      </table>
      <h3>Последние передачи</h3>
      <ul class="plain-list">
        <For each={l().recent}>
          {(item) => (
            <li>
              {formatDate(item.at)}: <a href={`/resources/${item.listingId}`}>{item.title}</a>
              <Show when={item.quantity}> ({item.quantity})</Show> — {item.giver} → {item.receiver}
              <Show when={item.value}>{(value) => <> · {formatRoubles(value())}</>}</Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
