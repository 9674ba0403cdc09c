import { For, type JSX, Show } from "solid-js";
import { FieldError } from "./field";
import { fieldId } from "./form";
import type { Option } from "./select";

type GroupProps = {
  name: string;
  legend: JSX.Element;
  options: readonly Option[];
  hint?: JSX.Element;
  error?: string;
  /** The group's full accessible name when the legend alone is ambiguous; it starts with the legend's text. */
  accessibleName?: string;
};

function describedBy(id: string, props: GroupProps) {
  return (
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  );
}

function Legend(props: GroupProps & { id: string }) {
  return (
    <>
      <legend class="field-label">{props.legend}</legend>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={`${props.id}-error`} error={props.error} />
    </>
  );
}

/** Checkboxes in a fieldset; the first checkbox carries the group's id, so an error link can focus it. */
export function CheckboxGroup(
  props: GroupProps & { value: readonly string[]; onValue: (value: string[]) => void },
) {
  const id = fieldId(props.name);
  const toggle = (option: string, checked: boolean) => {
    const next = checked ? [...props.value, option] : props.value.filter((v) => v !== option);
    // Keep the order of the options, not the order of clicks.
    props.onValue(props.options.map((o) => o.value).filter((v) => next.includes(v)));
  };
  return (
    <fieldset
      class="field choice-group"
      classList={{ "field--invalid": !!props.error }}
      aria-label={props.accessibleName}
      aria-describedby={describedBy(id, props)}
    >
      <Legend {...props} id={id} />
      <div class="choices">
        <For each={props.options}>
          {(option, index) => {
            const optionId = index() === 0 ? id : `${id}-${option.value}`;
            return (
              <div class="check">
                <input
                  type="checkbox"
                  id={optionId}
                  name={props.name}
                  value={option.value}
                  checked={props.value.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.currentTarget.checked)}
                  aria-invalid={props.error ? "true" : undefined}
                />
                <label for={optionId}>{option.label}</label>
              </div>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}

/** Radio buttons in a fieldset; aria-invalid sits on the radios, the error is described by the fieldset. */
export function RadioGroup(props: GroupProps & { value: string; onValue: (value: string) => void }) {
  const id = fieldId(props.name);
  return (
    <fieldset
      class="field choice-group"
      classList={{ "field--invalid": !!props.error }}
      aria-describedby={describedBy(id, props)}
    >
      <Legend {...props} id={id} />
      <div class="choices">
        <For each={props.options}>
          {(option, index) => {
            const optionId = index() === 0 ? id : `${id}-${option.value}`;
            return (
              <div class="check">
                <input
                  type="radio"
                  id={optionId}
                  name={props.name}
                  value={option.value}
                  checked={props.value === option.value}
                  onChange={(event) => event.currentTarget.checked && props.onValue(option.value)}
                  aria-invalid={props.error ? "true" : undefined}
                />
                <label for={optionId}>{option.label}</label>
              </div>
            );
          }}
        </For>
      </div>
    </fieldset>
  );
}
