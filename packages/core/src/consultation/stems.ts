import { searchKey } from "../identifiers";

/** Stems a question is indexed under: at most this many, the longest words first. */
export const MAX_STEMS = 24;

/**
 * Crude Russian stems: the first five letters of each word of three letters or more, folded
 * (case, ё). "субсидии", "субсидию" and "субсидия" meet at "субси". Crude on purpose: see ADR 012.
 */
export function stemsOf(text: string, max = MAX_STEMS): string[] {
  const words = searchKey(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
  const stems = [...new Set(words.map((word) => word.slice(0, 5)))];
  return stems.sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, max);
}
