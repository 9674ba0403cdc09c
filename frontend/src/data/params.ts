import type { SearchParams } from "@solidjs/router";

/**
 * Reading a list's filters from a URL's query string. The page and its route's preload read them
 * the same way, so the preload's request is the one the page then asks for (one request, started
 * before the page's code has arrived).
 */
export type { SearchParams };

/** Allowed values only: anything else in the URL (an old link, a typo) counts as "no filter". */
export const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The trimmed text of a search parameter, or undefined when blank. */
export const textParam = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

/** Two sets of filters ask for the same list. */
export const sameFilters = <F extends object>(a: F, b: F): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof F>;
  return [...keys].every((key) => a[key] === b[key]);
};
