import { stemmer } from "@orama/stemmers/russian";

/**
 * Words as the portal's search understands them: lower case, ё as е, split at anything that is
 * not a letter or a digit, Russian function words dropped, Russian words cut to their Snowball
 * stem (ADR 018), so «театры», «театра» and «театр» are one term. Latin words and numbers are
 * kept whole («it», «54»).
 */

/** Snowball's Russian stop-word list (snowballstem.org, algorithms/russian/stop.txt), ё folded. */
const stopWords = new Set(
  (
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне " +
    "было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него " +
    "до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы " +
    "тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому " +
    "этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех " +
    "никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них " +
    "какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя " +
    "такой им более всегда конечно всю между"
  ).split(" "),
);

/** Longer tokens are noise (a pasted link, a hash) and would only bloat the index. */
const MAX_WORD = 40;

const cyrillic = /[а-я]/;

/** Lower case with ё folded to е: Snowball alone stems «ёлочка» and «елочка» apart. */
export const fold = (text: string) => text.toLocaleLowerCase("ru").replaceAll("ё", "е");

/** The words of a text, folded, in order, stop-words and one-letter words left out. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && word.length <= MAX_WORD && !stopWords.has(word));
}

/** The search term of one folded word. */
export const termOf = (word: string) => (cyrillic.test(word) ? stemmer(word) : word);

/** The distinct terms of a text, in order of first appearance. */
export function terms(text: string): string[] {
  return [...new Set(words(text).map(termOf))];
}

/** What a query asks for: every `exact` term, and a term starting with `prefix` (the word being typed). */
export interface ParsedQuery {
  exact: string[];
  prefix?: string;
}

/**
 * A query's terms: the last word matches as a prefix, as the person may still be typing it (its
 * stem is a prefix of every form of the word, so «театры» and «теат» both find «театр»).
 */
export function parseQuery(query: string): ParsedQuery {
  const all = words(query).map(termOf);
  const prefix = all.at(-1);
  const exact = [...new Set(all.slice(0, -1))].filter((term) => term !== prefix);
  return prefix === undefined ? { exact: [] } : { exact, prefix };
}
