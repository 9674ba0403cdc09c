import { formatChange, formatValue, periodLabel, sectionsToShow } from "@cluster/core/report/format";
import { lastMonths } from "@cluster/core/report/periods";
import { type Line, ReportQuery, type SeriesPoint } from "@cluster/core/report/schema";
import { moscowToday } from "@cluster/core/shared/dates";
import { createAsync } from "@solidjs/router";
import { type Accessor, createSignal, For, onCleanup, onMount, Show, Suspense } from "solid-js";
import type { FieldErrors } from "../../data/api";
import { getReport, getSeries, reportFileUrl } from "../../data/reports";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/field";
import { focusFirstInvalid, issuesToFields } from "../../ui/form";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary, Loading } from "../../ui/status";
import { CoordinatorGate } from "../login/gate";
import type { Series } from "./charts";
import { CoordinatorNav } from "./nav";
import "./dashboard.css";

const MONTHS_SHOWN = 12;

/** Last month by default: what the monthly report mailed on the 1st covered. */
const lastMonth = () => lastMonths(moscowToday(), 2)[0] as ReportQuery;

/**
 * The coordinators' dashboard: a period's figures against the period before, the report's files
 * for that period, and the last twelve months in charts (chart.js, loaded by this page only).
 */
export default function DashboardPage() {
  return (
    <>
      <PageTitle>Показатели кластера</PageTitle>
      <CoordinatorGate>
        <CoordinatorNav />
        <PeriodReport />
        <section aria-labelledby="months-title" class="section">
          <h2 id="months-title">По месяцам</h2>
          <DataBoundary loading={<Loading>Загружаем графики…</Loading>}>
            <MonthCharts />
          </DataBoundary>
        </section>
      </CoordinatorGate>
    </>
  );
}

function PeriodReport() {
  const [from, setFrom] = createSignal(lastMonth().from);
  const [to, setTo] = createSignal(lastMonth().to);
  const [period, setPeriod] = createSignal<ReportQuery>(lastMonth());
  const [errors, setErrors] = createSignal<FieldErrors>({});
  let form: HTMLFormElement | undefined;

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const parsed = ReportQuery.safeParse({ from: from(), to: to() });
    if (!parsed.success) {
      setErrors(issuesToFields(parsed.error.issues));
      focusFirstInvalid(form);
      return;
    }
    setErrors({});
    setPeriod(parsed.data);
  }

  return (
    <>
      <section aria-labelledby="period-title" class="section panel">
        <h2 id="period-title">Отчёт за период</h2>
        <form class="form" onSubmit={onSubmit} noValidate ref={form}>
          <TextField
            name="from"
            label="С"
            type="date"
            value={from()}
            onValue={setFrom}
            error={errors().from}
          />
          <TextField name="to" label="По" type="date" value={to()} onValue={setTo} error={errors().to} />
          <Button type="submit">Показать</Button>
        </form>
        <p>Отчёт за {periodLabel(period())} в сравнении с предыдущим периодом — все показатели, для Excel:</p>
        <p class="downloads">
          <a class="button button--secondary" href={reportFileUrl(period(), "xlsx")} download="">
            Скачать XLSX
          </a>
          <a class="button button--secondary" href={reportFileUrl(period(), "csv")} download="">
            Скачать CSV
          </a>
        </p>
      </section>
      <section aria-labelledby="figures-title" class="section">
        <h2 id="figures-title">Показатели за {periodLabel(period())}</h2>
        <DataBoundary>
          {/* Its own Suspense: a new period must not suspend the form above (lost input). */}
          <Suspense fallback={<Loading>Считаем показатели…</Loading>}>
            <Figures period={period} />
          </Suspense>
        </DataBoundary>
      </section>
    </>
  );
}

function Figures(props: { period: Accessor<ReportQuery> }) {
  const report = createAsync(() => getReport(props.period()));
  return (
    <Show when={report()}>
      {(current) => (
        <>
          <p class="muted">
            Сравнение с {periodLabel(current().previousPeriod)}. По муниципалитетам и категориям показаны
            строки, где что-то было; в файлах — все.
          </p>
          <For each={sectionsToShow(current().lines)}>
            {([section, lines]) => (
              <FigureTable
                caption={section}
                lines={lines}
                now={periodLabel(current().period)}
                before={periodLabel(current().previousPeriod)}
              />
            )}
          </For>
        </>
      )}
    </Show>
  );
}

function FigureTable(props: { caption: string; lines: Line[]; now: string; before: string }) {
  return (
    <table class="table report-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Показатель</th>
          <th scope="col">{props.now}</th>
          <th scope="col">{props.before}</th>
          <th scope="col">Изменение</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.lines}>
          {(line) => (
            <tr>
              <th scope="row">{line.name}</th>
              <td>{formatValue(line.current)}</td>
              <td>{formatValue(line.previous)}</td>
              <td>{formatChange(line)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

const monthName = new Intl.DateTimeFormat("ru-RU", { month: "short", timeZone: "UTC" });
/** "дек. 2025": short enough for twelve labels under a phone-wide chart. */
const monthLabel = (month: string) =>
  `${monthName.format(new Date(`${month}-01T00:00:00Z`))} ${month.slice(0, 4)}`;

type Chart = { title: string; series: (points: SeriesPoint[]) => Series[] };

const blue = "#1f5fa8";
const orange = "#c75d00";
const green = "#2e7d32";
const red = "#b3261e";

const charts: Chart[] = [
  {
    title: "Участники",
    series: (points) => [
      { label: "Новые участники", type: "bar", color: blue, data: points.map((p) => p.membersNew) },
      { label: "Заявки на рассмотрении", type: "bar", color: orange, data: points.map((p) => p.pending) },
      { label: "Всего участников", type: "line", color: green, data: points.map((p) => p.membersTotal) },
    ],
  },
  {
    title: "Банк ресурсов",
    series: (points) => [
      { label: "Открыто объявлений", type: "bar", color: blue, data: points.map((p) => p.listingsOpened) },
      { label: "Найдено совпадений", type: "bar", color: orange, data: points.map((p) => p.matched) },
      { label: "Состоялось передач", type: "bar", color: green, data: points.map((p) => p.fulfilled) },
    ],
  },
  {
    title: "Мероприятия",
    series: (points) => [
      { label: "Проведено мероприятий", type: "bar", color: blue, data: points.map((p) => p.eventsHeld) },
      { label: "Пришли (отмечены)", type: "bar", color: green, data: points.map((p) => p.attended) },
      {
        label: "Явка, %",
        type: "line",
        color: orange,
        percent: true,
        data: points.map((p) => p.attendancePercent),
      },
    ],
  },
  {
    title: "Консультации",
    series: (points) => [
      { label: "Поступило вопросов", type: "bar", color: blue, data: points.map((p) => p.questionsReceived) },
      { label: "Получили ответ", type: "bar", color: green, data: points.map((p) => p.questionsAnswered) },
      { label: "Просрочено ответов", type: "bar", color: red, data: points.map((p) => p.overdue) },
      {
        label: "Ответ вовремя, %",
        type: "line",
        color: orange,
        percent: true,
        data: points.map((p) => p.onTimePercent),
      },
    ],
  },
  {
    title: "Охват рассылок",
    series: (points) => [
      { label: "Отправлено дайджестов", type: "bar", color: blue, data: points.map((p) => p.digestsSent) },
      { label: "Не доставлено", type: "bar", color: red, data: points.map((p) => p.bounced) },
      { label: "Отписались", type: "bar", color: orange, data: points.map((p) => p.unsubscribed) },
    ],
  },
];

function MonthCharts() {
  const series = createAsync(() => getSeries(MONTHS_SHOWN));
  return (
    <Show when={series()}>
      {(current) => (
        <div class="charts">
          <For each={charts}>
            {(chart) => (
              <MonthChart
                title={chart.title}
                labels={current().points.map((point) => monthLabel(point.month))}
                series={chart.series(current().points)}
              />
            )}
          </For>
        </div>
      )}
    </Show>
  );
}

/**
 * One chart and, for screen readers and for reading exact values, the same numbers as a table.
 * `data-ready` tells a test (and nobody else) that chart.js has drawn.
 */
function MonthChart(props: { title: string; labels: string[]; series: Series[] }) {
  let canvas: HTMLCanvasElement | undefined;
  const [ready, setReady] = createSignal(false);
  const id = `chart-${props.title.replace(/\s+/g, "-")}`;
  let destroy: (() => void) | undefined;
  let left = false;
  onMount(async () => {
    const { drawChart } = await import("./charts");
    if (!canvas || left) return;
    destroy = drawChart(canvas, props.labels, props.series);
    setReady(true);
  });
  onCleanup(() => {
    left = true;
    destroy?.();
  });
  return (
    <figure class="chart" aria-labelledby={`${id}-title`} data-ready={ready() ? "true" : undefined}>
      <figcaption id={`${id}-title`}>
        <h3>{props.title}</h3>
      </figcaption>
      <div class="chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`${props.title} по месяцам: ${props.series.map((one) => one.label).join(", ")}. Значения — в таблице ниже.`}
        />
      </div>
      <details>
        <summary>Таблица данных: {props.title.toLowerCase()}</summary>
        <table class="table report-table">
          <caption class="visually-hidden">{props.title} по месяцам</caption>
          <thead>
            <tr>
              <th scope="col">Месяц</th>
              <For each={props.series}>{(one) => <th scope="col">{one.label}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.labels}>
              {(label, index) => (
                <tr>
                  <th scope="row">{label}</th>
                  <For each={props.series}>{(one) => <td>{formatValue(one.data[index()] ?? null)}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </details>
    </figure>
  );
}
