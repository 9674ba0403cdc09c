import type { ResourceCategory } from "@cluster/core/reference";
import type { Listing } from "@cluster/core/resource/schema";
import { moscowToday } from "@cluster/core/shared/dates";
import { Show } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import type { FieldErrors } from "../../data/api";
import { RadioGroup } from "../../ui/choice-group";
import { TextArea, TextField } from "../../ui/field";
import { blankToUndefined } from "../../ui/form";
import { Select } from "../../ui/select";
import { categoryOf, categoryOptions, conditionsName, placeOptions } from "./labels";

/** What the person types: strings, as the inputs give them. */
export type ListingForm = {
  category: ResourceCategory | "";
  title: string;
  description: string;
  place: string;
  quantity: string;
  availableFrom: string;
  availableTo: string;
  conditions: Listing["conditions"];
  estimatedValue: string;
};

export const emptyListing = (): ListingForm => ({
  category: "",
  title: "",
  description: "",
  place: "",
  quantity: "",
  availableFrom: moscowToday(),
  availableTo: "",
  conditions: "free",
  estimatedValue: "",
});

export const listingToForm = (listing: Listing): ListingForm => ({
  category: listing.category,
  title: listing.title,
  description: listing.description,
  place: listing.place,
  quantity: listing.quantity === undefined ? "" : String(listing.quantity),
  availableFrom: listing.availableFrom,
  availableTo: listing.availableTo ?? "",
  conditions: listing.conditions,
  estimatedValue: listing.estimatedValue === undefined ? "" : String(listing.estimatedValue),
});

/** A whole number from the input ("1 500" too); anything else goes to the schema as it is, to be refused. */
function whole(value: string): number | string | undefined {
  const compact = value.replace(/[\s\u00a0]/g, "");
  if (compact === "") return undefined;
  return /^-?\d+$/.test(compact) ? Number(compact) : compact;
}

/** The input for the schema: empty optional fields are absent; quantity only where the category counts. */
export function listingInput(form: ListingForm) {
  return {
    category: form.category || undefined,
    title: form.title,
    description: form.description,
    place: form.place || undefined,
    quantity: categoryOf(form.category)?.hasQuantity ? whole(form.quantity) : undefined,
    availableFrom: blankToUndefined(form.availableFrom),
    availableTo: blankToUndefined(form.availableTo),
    conditions: form.conditions,
    estimatedValue: whole(form.estimatedValue),
  };
}

export const listingLabels: Record<string, string> = {
  kind: "Тип объявления",
  organisationId: "От чьего имени",
  category: "Категория",
  title: "Название",
  description: "Описание",
  place: "Где",
  quantity: "Количество",
  availableFrom: "Доступно с",
  availableTo: "Доступно до",
  conditions: "Условия",
  estimatedValue: "Оценочная стоимость",
};

export function ListingFields(props: {
  form: ListingForm;
  setForm: SetStoreFunction<ListingForm>;
  errors: FieldErrors;
}) {
  const category = () => categoryOf(props.form.category);
  return (
    <>
      <Select
        name="category"
        label="Категория"
        placeholder="Выберите категорию"
        options={categoryOptions}
        value={props.form.category}
        onValue={(value) => props.setForm("category", value as ResourceCategory | "")}
        error={props.errors.category}
        required
      />
      <TextField
        name="title"
        label="Название"
        hint="Коротко и по делу: «Конференц-зал на 40 мест», «Нужен проектор на выходные»."
        maxlength={150}
        autocomplete="off"
        value={props.form.title}
        onValue={(value) => props.setForm("title", value)}
        error={props.errors.title}
        required
      />
      <TextArea
        name="description"
        label="Описание"
        hint="Что именно, в каком состоянии, как передать или забрать, кому подойдёт. Не короче 20 символов."
        maxlength={3000}
        rows={6}
        value={props.form.description}
        onValue={(value) => props.setForm("description", value)}
        error={props.errors.description}
        required
      />
      <Select
        name="place"
        label="Где"
        placeholder="Выберите муниципалитет"
        hint="Муниципалитет, вся область или онлайн."
        options={placeOptions}
        value={props.form.place}
        onValue={(value) => props.setForm("place", value)}
        error={props.errors.place}
        required
      />
      <Show when={category()?.hasQuantity}>
        <TextField
          name="quantity"
          label="Количество"
          hint={`Необязательно. Единица: ${category()?.unit}`}
          type="number"
          inputmode="numeric"
          min={1}
          step={1}
          value={props.form.quantity}
          onValue={(value) => props.setForm("quantity", value)}
          error={props.errors.quantity}
        />
      </Show>
      <TextField
        name="availableFrom"
        label="Доступно с"
        type="date"
        value={props.form.availableFrom}
        onValue={(value) => props.setForm("availableFrom", value)}
        error={props.errors.availableFrom}
        required
      />
      <TextField
        name="availableTo"
        label="Доступно до (необязательно)"
        hint="Пусто — пока не сниму"
        type="date"
        min={props.form.availableFrom || undefined}
        value={props.form.availableTo}
        onValue={(value) => props.setForm("availableTo", value)}
        error={props.errors.availableTo}
      />
      <RadioGroup
        name="conditions"
        legend="Условия"
        options={(["free", "cofinancing"] as const).map((c) => ({ value: c, label: conditionsName[c] }))}
        value={props.form.conditions}
        onValue={(value) => props.setForm("conditions", value as Listing["conditions"])}
        error={props.errors.conditions}
      />
      <TextField
        name="estimatedValue"
        label="Оценочная стоимость, ₽ (необязательно)"
        hint="Сколько примерно стоил бы ресурс, в целых рублях. Нужна для отчёта о вкладе участников кластера."
        inputmode="numeric"
        autocomplete="off"
        value={props.form.estimatedValue}
        onValue={(value) => props.setForm("estimatedValue", value)}
        error={props.errors.estimatedValue}
      />
    </>
  );
}
