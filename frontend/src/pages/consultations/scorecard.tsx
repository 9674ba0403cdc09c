import type { Scorecard } from "@cluster/core/consultation/schema";
import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { getScorecard } from "../../data/consultations";
import { RadioGroup } from "../../ui/choice-group";
import { PageTitle } from "../../ui/page-title";
import { DataBoundary } from "../../ui/status";

type Line = { name: string; periods: Scorecard["scopes"][number]["periods"] };

const hoursText = (hours: number | undefined) =>
  hours === undefined
    ? "—"
    : hours < 48
      ? `${hours.toLocaleString("ru-RU")} ч`
      : `${Math.round(hours / 24)} дн.`;

/** How fast the authorities and the experts answer: public, for the last 30, 90 or 365 days. */
export default function ScorecardPage() {
  const [days, setDays] = createSignal("30");
  return (
    <>
      <PageTitle>Скорость ответов</PageTitle>
      <p class="lead">
        Сколько вопросов получили органы власти и эксперты, сколько ответили и сколько — в срок (эксперты — за
        два рабочих дня, органы власти — за 30 дней по 59-ФЗ).
      </p>
      <RadioGroup
        name="days"
        legend="Период"
        options={[
          { value: "30", label: "30 дней" },
          { value: "90", label: "90 дней" },
          { value: "365", label: "Год" },
        ]}
        value={days()}
        onValue={setDays}
      />
      <DataBoundary>
        <Tables days={Number(days())} />
      </DataBoundary>
    </>
  );
}

function Tables(props: { days: number }) {
  const card = createAsync(() => getScorecard());
  return (
    <Show when={card()}>
      {(current) => (
        <>
          <ScoreTable caption="Органы власти и эксперты" lines={current().scopes} days={props.days} />
          <Show when={current().people}>
            {(people) => (
              <ScoreTable caption="По отвечающим (видят координаторы)" lines={people()} days={props.days} />
            )}
          </Show>
        </>
      )}
    </Show>
  );
}

function ScoreTable(props: { caption: string; lines: Line[]; days: number }) {
  return (
    <table class="table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Кто отвечает</th>
          <th scope="col">Получено</th>
          <th scope="col">Отвечено</th>
          <th scope="col">В срок</th>
          <th scope="col">Медиана до первого ответа</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.lines}>
          {(line) => {
            const figures = () => line.periods.find((period) => period.days === props.days);
            return (
              <tr>
                <th scope="row">{line.name}</th>
                <td>{figures()?.received ?? 0}</td>
                <td>{figures()?.answered ?? 0}</td>
                <td>{figures()?.onTimePercent === undefined ? "—" : `${figures()?.onTimePercent} %`}</td>
                <td>{hoursText(figures()?.medianHoursToFirstAnswer)}</td>
              </tr>
            );
          }}
        </For>
      </tbody>
    </table>
  );
}
