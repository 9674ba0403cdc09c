import { createEffect, createSignal, type JSX, on, Show } from "solid-js";
import { Button } from "./button";
import { TextField } from "./field";

/**
 * The search box and filters above a list: the text applies when submitted, the filters (the
 * children, usually selects) as they change. The box follows the URL when it changes elsewhere.
 */
export function SearchFilters(props: {
  /** The search region's name for screen readers. */
  label: string;
  searchLabel: string;
  query: string | undefined;
  onSearch: (text: string) => void;
  canReset: boolean;
  onReset: () => void;
  children: JSX.Element;
}) {
  const [text, setText] = createSignal(props.query ?? "");
  createEffect(
    on(
      () => props.query,
      (query) => setText(query ?? ""),
      { defer: true },
    ),
  );
  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is unknown to the older browsers many members use.
    <form
      class="filters"
      role="search"
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSearch(text().trim());
      }}
    >
      <div class="search-row">
        <TextField
          name="q"
          label={props.searchLabel}
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          value={text()}
          onValue={setText}
        />
        <Button type="submit">Найти</Button>
      </div>
      <div class="filter-row">{props.children}</div>
      <Show when={props.canReset}>
        <Button variant="link" onClick={props.onReset}>
          Сбросить фильтры
        </Button>
      </Show>
    </form>
  );
}
