import { createAsync } from "@solidjs/router";
import { type Accessor, createSignal, Show } from "solid-js";
import { queryString } from "../../data/api";
import { getLedger } from "../../data/resources";
import { TextField } from "../../ui/field";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { CoordinatorGate } from "../login/gate";
import { LedgerTable } from "../resources/ledger";
import { CoordinatorNav } from "./nav";

type Period = { from?: string; to?: string };

/** The cluster's contributions ledger for a period: totals here, every handover in a CSV for Excel. */
export default function LedgerPage() {
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");
  const period = () => ({ from: from() || undefined, to: to() || undefined });
  return (
    <>
      <PageTitle>Вклад участников</PageTitle>
      <CoordinatorGate>
        <CoordinatorNav />
        <section aria-labelledby="period-title" class="section panel">
          <h2 id="period-title">Период</h2>
          <TextField name="from" label="С (необязательно)" type="date" value={from()} onValue={setFrom} />
          <TextField name="to" label="По (необязательно)" type="date" value={to()} onValue={setTo} />
          <p>
            Выгрузка для Excel: все передачи за период — дата, категория, что передано, количество, оценка,
            кто и кому.
          </p>
          <p>
            <a class="button" href={`/api/ledger/export${queryString(period())}`} download="">
              Скачать CSV
            </a>
          </p>
        </section>
        <section aria-labelledby="totals-title" class="section">
          <h2 id="totals-title">Итоги по кластеру</h2>
          <DataBoundary>
            <Totals period={period} />
          </DataBoundary>
        </section>
      </CoordinatorGate>
    </>
  );
}

function Totals(props: { period: Accessor<Period> }) {
  const ledger = createAsync(() => getLedger(props.period()));
  return <Show when={ledger()}>{(current) => <LedgerTable ledger={current()} />}</Show>;
}
