import { createEffect, createMemo, type JSX, Show } from "solid-js";
import { FieldError } from "./field";
import { fieldId } from "./form";

export type Option = { value: string; label: string; disabled?: boolean };

export function Select(props: {
  name: string;
  label: JSX.Element;
  options: readonly Option[];
  value: string;
  onValue: (value: string) => void;
  /** The first, empty option: "Все муниципалитеты" in a filter, "Выберите…" in a form. */
  placeholder?: string;
  hint?: JSX.Element;
  error?: string;
  required?: boolean;
  autocomplete?: string;
}) {
  const id = fieldId(props.name);
  let select!: HTMLSelectElement;
  // Plain option nodes and one effect for the choice, not a component and an effect per option:
  // the directory's three filters have 55 options, and on a slow phone that work is felt.
  const options = createMemo(() =>
    props.options.map((option) => {
      const node = new Option(option.label, option.value);
      node.disabled = option.disabled ?? false;
      return node;
    }),
  );
  createEffect(() => {
    options();
    select.value = props.value;
    // A value that is not among the options (yet): show the first, as the browser would.
    if (select.selectedIndex === -1 && select.options.length > 0) select.selectedIndex = 0;
  });
  const describedBy = () =>
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field" classList={{ "field--invalid": !!props.error }}>
      <label class="field-label" for={id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={`${id}-error`} error={props.error} />
      <select
        ref={select}
        id={id}
        name={props.name}
        class="input select"
        required={props.required}
        autocomplete={props.autocomplete}
        onChange={(event) => props.onValue(event.currentTarget.value)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        {options()}
      </select>
    </div>
  );
}
