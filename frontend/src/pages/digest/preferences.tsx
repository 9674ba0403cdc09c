import type { Preferences } from "@cluster/core/digest/schema";
import { consultationTopics, municipalities, resourceCategories } from "@cluster/core/reference";
import { Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { FieldErrors } from "../../data/api";
import { CheckboxGroup, RadioGroup } from "../../ui/choice-group";
import { formatDayTime } from "../../ui/format";
import { Select } from "../../ui/select";

export const labels: Record<string, string> = {
  email: "Электронная почта",
  frequency: "Как часто",
  weekday: "День недели",
  hour: "Время",
  topics: "Что присылать",
  categories: "Категории Банка ресурсов",
  consultationTopics: "Темы консультаций",
  municipalities: "Муниципалитеты",
};

export const defaultPreferences = (): Preferences => ({
  frequency: "weekly",
  weekday: 1,
  hour: 9,
  topics: ["members", "resources", "consultations", "events", "news"],
  categories: [],
  consultationTopics: [],
  municipalities: [],
});

const weekdays = ["Понедельник", "Вторник", "Среда", "Четверг", "Пятница", "Суббота", "Воскресенье"];
const toOptions = (list: readonly { id: string; name: string }[]) =>
  list.map((item) => ({ value: item.id, label: item.name }));

/** The digest's choices; the same fields for a new subscription, a letter's link and the account. */
export function PreferenceFields(props: {
  value: Preferences;
  set: SetStoreFunction<Preferences>;
  errors: FieldErrors;
}) {
  return (
    <>
      <RadioGroup
        name="frequency"
        legend={labels.frequency}
        options={[
          { value: "weekly", label: "Раз в неделю" },
          { value: "daily", label: "Каждый день" },
          { value: "off", label: "Не присылать" },
        ]}
        value={props.value.frequency}
        onValue={(value) => props.set("frequency", value as Preferences["frequency"])}
        error={props.errors.frequency}
      />
      <div class="field-row">
        <Show when={props.value.frequency === "weekly"}>
          <Select
            name="weekday"
            label={labels.weekday}
            options={weekdays.map((label, index) => ({ value: String(index + 1), label }))}
            value={String(props.value.weekday)}
            onValue={(value) => props.set("weekday", Number(value))}
            error={props.errors.weekday}
          />
        </Show>
        <Show when={props.value.frequency !== "off"}>
          <Select
            name="hour"
            label={labels.hour}
            hint="По московскому времени"
            options={Array.from({ length: 24 }, (_, hour) => ({
              value: String(hour),
              label: `${String(hour).padStart(2, "0")}:00`,
            }))}
            value={String(props.value.hour)}
            onValue={(value) => props.set("hour", Number(value))}
            error={props.errors.hour}
          />
        </Show>
      </div>
      <CheckboxGroup
        name="topics"
        legend={labels.topics}
        options={[
          { value: "resources", label: "Банк ресурсов: новые предложения и запросы" },
          { value: "consultations", label: "Ответы на вопросы НКО" },
          { value: "members", label: "Новые участники кластера" },
          { value: "events", label: "Ближайшие мероприятия и вебинары" },
          { value: "news", label: "Новости кластера" },
        ]}
        value={props.value.topics}
        onValue={(value) => props.set("topics", value as Preferences["topics"])}
        error={props.errors.topics}
      />
      <details class="panel">
        <summary>Уточнить: категории, темы, муниципалитеты (по умолчанию — все)</summary>
        <CheckboxGroup
          name="categories"
          legend={labels.categories}
          hint="Не отмечено ничего — присылаем все"
          options={toOptions(resourceCategories)}
          value={props.value.categories}
          onValue={(value) => props.set("categories", value as Preferences["categories"])}
          error={props.errors.categories}
        />
        <CheckboxGroup
          name="consultationTopics"
          legend={labels.consultationTopics}
          hint="Не отмечено ничего — присылаем все"
          options={toOptions(consultationTopics)}
          value={props.value.consultationTopics}
          onValue={(value) => props.set("consultationTopics", value as Preferences["consultationTopics"])}
          error={props.errors.consultationTopics}
        />
        <CheckboxGroup
          name="municipalities"
          legend={labels.municipalities}
          hint="Не отмечено ничего — весь регион. Объявления для всего региона и онлайн приходят всегда."
          options={toOptions(municipalities)}
          value={props.value.municipalities}
          onValue={(value) => props.set("municipalities", value as Preferences["municipalities"])}
          error={props.errors.municipalities}
        />
      </details>
    </>
  );
}

export const nextDigestText = (nextDueAt?: string) =>
  nextDueAt
    ? `Следующий дайджест — ${formatDayTime(nextDueAt, { weekday: true })} (по Москве), если будет что рассказать.`
    : undefined;
