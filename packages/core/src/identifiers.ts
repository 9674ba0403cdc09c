/**
 * Russian registration numbers and their check digits (shared/REFERENCE.md).
 * Browser-safe: the join form and the API validate with the same functions.
 */

const digitsOf = (value: string) => Array.from(value, Number);

const weightedCheck = (digits: number[], weights: number[]) =>
  (weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11) % 10;

export function isValidInn(value: string): boolean {
  if (/^\d{10}$/.test(value)) {
    const d = digitsOf(value);
    return weightedCheck(d, [2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  }
  if (/^\d{12}$/.test(value)) {
    const d = digitsOf(value);
    return (
      weightedCheck(d, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] &&
      weightedCheck(d, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11]
    );
  }
  return false;
}

/** OGRN (13 digits, legal entities) or OGRNIP (15 digits, sole proprietors). */
export function isValidOgrn(value: string): boolean {
  if (/^\d{13}$/.test(value)) {
    return Number((BigInt(value.slice(0, 12)) % 11n) % 10n) === Number(value[12]);
  }
  if (/^\d{15}$/.test(value)) {
    return Number((BigInt(value.slice(0, 14)) % 13n) % 10n) === Number(value[14]);
  }
  return false;
}

/** Appends the check digit(s) to a body of digits: used to make valid demo and test data. */
export function completeInn(body: string): string {
  if (body.length === 9) {
    return body + weightedCheck(digitsOf(body), [2, 4, 10, 3, 5, 9, 4, 6, 8]);
  }
  if (body.length === 10) {
    const eleven = body + weightedCheck(digitsOf(body), [7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
    return eleven + weightedCheck(digitsOf(eleven), [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
  }
  throw new Error("INN body must have 9 or 10 digits");
}

export function completeOgrn(body: string): string {
  if (body.length === 12) return body + ((BigInt(body) % 11n) % 10n).toString();
  if (body.length === 14) return body + ((BigInt(body) % 13n) % 10n).toString();
  throw new Error("OGRN body must have 12 or 14 digits");
}

/** Folds case and ё/е so that «Ёлка» is found by «елка». */
export function searchKey(text: string): string {
  return text.toLocaleLowerCase("ru-RU").replaceAll("ё", "е").replace(/\s+/g, " ").trim();
}

/** +7 and 10 digits, from what people usually type: 8 (484) 222-33-44, +7 484 2223344. */
export function normalisePhone(value: string): string | undefined {
  const digits = value.replace(/\D/g, "");
  if (/^[78]\d{10}$/.test(digits)) return `+7${digits.slice(1)}`;
  if (/^\d{10}$/.test(digits)) return `+7${digits}`;
  return undefined;
}
