import { createMemo, For, Show } from "solid-js";
import type { FieldErrors } from "../data/api";
import { fieldId } from "./form";

/**
 * The list of a long form's errors at its top, each linking to its field.
 * Focus it after a failed submit so that screen readers read every problem once.
 */
export function ErrorSummary(props: {
  errors: FieldErrors;
  /** Field path -> label shown before the message. */
  labels: Record<string, string>;
  ref?: (element: HTMLElement) => void;
}) {
  const entries = createMemo(() => Object.entries(props.errors));
  const labelFor = (key: string) => {
    if (props.labels[key]) return props.labels[key];
    const prefix = Object.keys(props.labels)
      .filter((k) => key.startsWith(`${k}.`))
      .sort((a, b) => b.length - a.length)[0];
    return prefix ? props.labels[prefix] : undefined;
  };
  const targetId = (key: string) => {
    for (let path = key; path; path = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "") {
      if (document.getElementById(fieldId(path))) return fieldId(path);
      if (document.getElementById(fieldId(`${path}.value`))) return fieldId(`${path}.value`);
    }
    return undefined;
  };
  return (
    <Show when={entries().length > 0}>
      <section
        class="alert alert--error error-summary"
        tabIndex={-1}
        ref={props.ref}
        aria-labelledby="error-summary-title"
      >
        <h2 id="error-summary-title" class="alert-title">
          Проверьте форму: {entries().length === 1 ? "одна ошибка" : `ошибок: ${entries().length}`}
        </h2>
        <ul>
          <For each={entries()}>
            {([key, message]) => {
              const label = labelFor(key);
              const text = label ? `${label}: ${message}` : message;
              const id = targetId(key);
              return (
                <li>
                  <Show when={id} fallback={text}>
                    <a
                      href={`#${id}`}
                      onClick={(event) => {
                        event.preventDefault();
                        const target = id ? document.getElementById(id) : null;
                        target?.focus();
                        target?.scrollIntoView({ block: "center" });
                      }}
                    >
                      {text}
                    </a>
                  </Show>
                </li>
              );
            }}
          </For>
        </ul>
      </section>
    </Show>
  );
}
