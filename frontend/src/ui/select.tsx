import { For, type JSX, Show } from "solid-js";
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
          <option value="" selected={props.value === ""}>
            {props.placeholder}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value} disabled={option.disabled}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  );
}
