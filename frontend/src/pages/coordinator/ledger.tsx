import { createAsync } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { queryString } from "../../data/api";
import { getLedger } from "../../data/resources";
import { TextField } from "../../ui/field";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";
import { CoordinatorGate } from "../login/gate";
import { LedgerTable } from "../resources/ledger";
import { CoordinatorNav } from "./nav";

/** The cluster's contributions ledger: totals here, every handover in a CSV for Excel. */
export default function LedgerPage() {
  return (
    <>
      <PageTitle>Вклад участников</PageTitle>
      <CoordinatorGate>
        <CoordinatorNav />
        <Export />
        <section aria-labelledby="totals-title" class="section">
          <h2 id="totals-title">Итоги по кластеру</h2>
          <DataBoundary>
            <Totals />
          </DataBoundary>
        </section>
      </CoordinatorGate>
    </>
  );
}

function Totals() {
  const ledger = createAsync(() => getLedger());
  return <Show when={ledger()}>{(current) => <LedgerTable ledger={current()} />}</Show>;
}

function Export() {
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");
  return (
    <section aria-labelledby="export-title" class="section panel">
      <h2 id="export-title">Выгрузка для Excel</h2>
      <p>Все передачи за период: дата, категория, что передано, количество, оценка, кто и кому.</p>
      <TextField name="from" label="С (необязательно)" type="date" value={from()} onValue={setFrom} />
      <TextField name="to" label="По (необязательно)" type="date" value={to()} onValue={setTo} />
      <p>
        <a class="button" href={`/api/ledger/export${queryString({ from: from(), to: to() })}`} download="">
          Скачать CSV
        </a>
      </p>
    </section>
  );
}
