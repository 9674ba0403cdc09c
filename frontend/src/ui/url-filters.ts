import { useSearchParams } from "@solidjs/router";
import { createEffect, on } from "solid-js";

type Values<K extends string> = { [P in K]?: string };

/**
 * Filters kept in the URL's query string (shareable, survive reload and "back").
 * Filters changed in quick succession must not undo each other: until the URL shows a change,
 * the next one builds on what was asked for, not on the URL it replaces.
 */
export function createUrlFilters<K extends string>(keys: readonly K[]) {
  const [search, setSearch] = useSearchParams<Values<K>>();
  let requested: Values<K> | undefined;

  createEffect(
    on(
      () => keys.map((key) => search[key]),
      () => {
        requested = undefined;
      },
    ),
  );

  const current = (): Values<K> => {
    const values: Values<K> = {};
    for (const key of keys) values[key] = search[key] as string | undefined;
    return values;
  };

  const apply = (next: Values<K>) => {
    requested = next;
    setSearch(next, { replace: true });
  };

  return {
    /** The raw values in the URL; validate them before use. */
    search: search as Readonly<Values<K>>,
    /** Sets one filter; an empty value removes it from the URL. */
    set(key: K, value: string) {
      apply({ ...(requested ?? current()), [key]: value || undefined });
    },
    /** Removes every filter. */
    reset() {
      const cleared: Values<K> = {};
      for (const key of keys) cleared[key] = undefined;
      apply(cleared);
    },
  };
}
