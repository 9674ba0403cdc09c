import { createAsync } from "@solidjs/router";
import { createComputed, createMemo, createSignal, on, Show } from "solid-js";
import type { Page } from "../data/api";
import { ApiError } from "../data/api";
import { Button } from "./button";
import { plural } from "./format";

/** What `createPagedList` gives a page: its items so far and the means to load more. */
export interface PagedList<T> {
  /** Reading it suspends until the first page is there. */
  first: () => Page<T> | undefined;
  items: () => T[];
  hasMore: () => boolean;
  loadMore: () => Promise<void>;
  loadingMore: () => boolean;
  error: () => string | undefined;
}

/**
 * A cursor-paged list: the first page through a router query (so actions revalidate it),
 * further pages appended by "Показать ещё". The extra pages reset when `key` changes.
 */
export function createPagedList<T, K>(
  key: () => K,
  fetchPage: (key: K, cursor?: string) => Promise<Page<T>>,
): PagedList<T> {
  const first = createAsync(() => fetchPage(key()));
  const [extra, setExtra] = createSignal<Page<T>[]>([]);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [error, setError] = createSignal<string>();

  createComputed(
    on(
      key,
      () => {
        setExtra([]);
        setError(undefined);
      },
      { defer: true },
    ),
  );

  const items = (): T[] => {
    const page = first();
    if (!page) return [];
    return [...page.items, ...extra().flatMap((p) => p.items)];
  };
  const nextCursor = () => {
    const pages = extra();
    return pages.length ? (pages[pages.length - 1]?.cursor ?? null) : (first()?.cursor ?? null);
  };

  async function loadMore() {
    const cursor = nextCursor();
    if (!cursor || loadingMore()) return;
    const forKey = key();
    setLoadingMore(true);
    setError(undefined);
    try {
      const page = await fetchPage(forKey, cursor);
      if (key() === forKey) setExtra((pages) => [...pages, page]);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Не удалось загрузить. Попробуйте ещё раз.");
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    first,
    items,
    hasMore: () => nextCursor() !== null,
    loadMore,
    loadingMore,
    error,
  };
}

/** The "Показать ещё" button of a paged list, with an announcement of how many items are shown. */
export function Pager(props: {
  list: PagedList<unknown>;
  /** The noun's forms for 1, 2 and 5 items. */
  noun: [one: string, few: string, many: string];
  /** How many items are shown, when the page hides some of the list's (those already handled). */
  count?: number;
}) {
  let status!: HTMLParagraphElement;
  const count = () => props.count ?? props.list.items().length;
  const more = async () => {
    await props.list.loadMore();
    // The button disappears after the last page: keep keyboard focus near the list.
    if (!props.list.hasMore()) status.focus();
  };
  return (
    <div class="pager">
      <p class="pager-status" role="status" tabIndex={-1} ref={status}>
        {/* Announced politely after each load: "Показано: 40 организаций — это все результаты". */}
        Показано: {count()} {plural(count(), props.noun)}
        {props.list.hasMore() ? "" : " — это все результаты"}
      </p>
      <Show when={props.list.error()}>
        <p class="field-error" role="alert">
          {props.list.error()}
        </p>
      </Show>
      <Show when={props.list.hasMore()}>
        <Button variant="secondary" pending={props.list.loadingMore()} onClick={more}>
          Показать ещё
        </Button>
      </Show>
    </div>
  );
}

/**
 * Ids of a list, stable while the same ids come back: render `<For each={ids()}>` and look items up
 * by id, so that a refetch (actions revalidate every query) keeps each row's component and its state.
 */
export function createIdIndex<T extends { id: string }>(items: () => T[]) {
  const ids = createMemo(() => items().map((item) => item.id), [], {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });
  const byId = createMemo(() => new Map(items().map((item) => [item.id, item])));
  return { ids, get: (id: string) => byId().get(id) };
}
