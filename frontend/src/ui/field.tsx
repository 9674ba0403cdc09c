import { type JSX, Show, splitProps } from "solid-js";
import { fieldId } from "./form";

type Described = {
  /** Dotted path of the field, as in the schema and in server errors ("contacts.email.value"). */
  name: string;
  label: JSX.Element;
  hint?: JSX.Element;
  error?: string;
  /** Extra ids for aria-describedby (a consent text, for example). */
  describedBy?: string;
};

function describedBy(id: string, props: Described) {
  return (
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : "", props.describedBy ?? ""]
      .filter(Boolean)
      .join(" ") || undefined
  );
}

export function FieldError(props: { id: string; error?: string }) {
  return (
    <Show when={props.error}>
      <p id={props.id} class="field-error">
        <span class="visually-hidden">Ошибка: </span>
        {props.error}
      </p>
    </Show>
  );
}

function Frame(props: Described & { id: string; children: JSX.Element; class?: string }) {
  return (
    <div class={`field ${props.class ?? ""}`} classList={{ "field--invalid": !!props.error }}>
      <label class="field-label" for={props.id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="field-hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={`${props.id}-error`} error={props.error} />
      {props.children}
    </div>
  );
}

type InputProps = Described &
  Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "name" | "value" | "onInput" | "id"> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextField(props: InputProps) {
  const [own, rest] = splitProps(props, [
    "name",
    "label",
    "hint",
    "error",
    "describedBy",
    "value",
    "onValue",
  ]);
  const id = fieldId(own.name);
  return (
    <Frame {...own} id={id}>
      <input
        type="text"
        {...rest}
        id={id}
        name={own.name}
        class="input"
        value={own.value}
        onInput={(event) => own.onValue(event.currentTarget.value)}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={describedBy(id, own)}
      />
    </Frame>
  );
}

type TextAreaProps = Described &
  Omit<JSX.TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "value" | "onInput" | "id"> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextArea(props: TextAreaProps) {
  const [own, rest] = splitProps(props, [
    "name",
    "label",
    "hint",
    "error",
    "describedBy",
    "value",
    "onValue",
  ]);
  const id = fieldId(own.name);
  return (
    <Frame {...own} id={id}>
      <textarea
        rows={5}
        {...rest}
        id={id}
        name={own.name}
        class="input textarea"
        value={own.value}
        onInput={(event) => own.onValue(event.currentTarget.value)}
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={describedBy(id, own)}
      />
    </Frame>
  );
}

/** A single checkbox with its label to the right (consent, "показывать публично"). */
export function Checkbox(props: {
  name: string;
  label: JSX.Element;
  /**
   * The full accessible name when the visible label alone is ambiguous ("Показывать публично" of
   * which contact). It must start with the visible label, so that voice control finds it.
   */
  accessibleName?: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error?: string;
  describedBy?: string;
  required?: boolean;
}) {
  const id = fieldId(props.name);
  return (
    <div class="check-field" classList={{ "field--invalid": !!props.error }}>
      <FieldError id={`${id}-error`} error={props.error} />
      <div class="check">
        <input
          type="checkbox"
          id={id}
          name={props.name}
          checked={props.checked}
          required={props.required}
          aria-label={props.accessibleName}
          onChange={(event) => props.onChecked(event.currentTarget.checked)}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={
            [props.error ? `${id}-error` : "", props.describedBy ?? ""].filter(Boolean).join(" ") || undefined
          }
        />
        <label for={id}>{props.label}</label>
      </div>
    </div>
  );
}
