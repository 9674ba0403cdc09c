import fc from "fast-check";

/**
 * A fast-check arbitrary of values a zod/mini schema should accept, read from the schema's own
 * definition: the kinds the portal's schemas use (packages/core/src/*\/schema.ts, shared/fields.ts).
 * Refinements the definition cannot show (INN checksums, date order) are left to chance: the
 * fuzzer wants values near the valid ones, not only valid ones.
 */

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped here
type Def = any;
const def = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Def[] => (d.checks ?? []).map((check: unknown) => def(check));

const letters = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДabcxyzXYZ0123456789«»—.,-";
const word = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...letters), minLength: min, maxLength: max });

const isoDate = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const phoneLike = fc
  .tuple(
    fc.constantFrom("+7", "8"),
    fc.integer({ min: 900, max: 999 }),
    fc.integer({ min: 0, max: 9_999_999 }),
  )
  .map(([prefix, code, rest]) => `${prefix} ${code} ${String(rest).padStart(7, "0")}`);

function stringArbitrary(d: Def): fc.Arbitrary<string> {
  if (d.format === "email") {
    return fc.emailAddress().filter((value) => value.length <= 254 && !/[A-Z]/.test(value));
  }
  if (d.format === "url") return fc.webUrl({ validSchemes: ["https"] }).filter((url) => url.length <= 300);
  let min = 0;
  let max = 300;
  let pattern: RegExp | undefined;
  for (const check of checksOf(d)) {
    if (check.check === "min_length") min = Math.max(min, check.minimum);
    if (check.check === "max_length") max = Math.min(max, check.maximum);
    if (check.check === "string_format" && check.format === "regex") pattern = check.pattern;
  }
  if (pattern?.source === String.raw`^\d{4}-\d{2}-\d{2}$`) return isoDate;
  if (pattern && pattern.source !== String.raw`^[^\r\n]*$`) return fc.stringMatching(pattern);
  // Long texts stay long enough to pass and short enough to keep requests small.
  return word(min, Math.min(max, min + 200));
}

function numberArbitrary(d: Def): fc.Arbitrary<number> {
  let min = -1_000_000_000;
  let max = 1_000_000_000;
  let integer = d.format === "safeint" || d.format === "int32";
  for (const check of checksOf(d)) {
    if (check.check === "greater_than") min = check.inclusive ? check.value : check.value + 1;
    if (check.check === "less_than") max = check.inclusive ? check.value : check.value - 1;
    if (check.check === "multiple_of" && check.value === 1) integer = true;
    if (check.check === "number_format") integer = true;
  }
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

export function arbitraryOf(schema: unknown): fc.Arbitrary<unknown> {
  const d = def(schema);
  switch (d.type) {
    case "string":
      return stringArbitrary(d);
    case "number":
      return numberArbitrary(d);
    case "boolean":
      return fc.boolean();
    case "literal":
      return fc.constantFrom(...d.values);
    case "enum":
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case "array": {
      let minLength = 0;
      let maxLength = 5;
      for (const check of checksOf(d)) {
        if (check.check === "min_length") minLength = check.minimum;
        if (check.check === "max_length") maxLength = Math.min(maxLength, check.maximum);
      }
      return fc.uniqueArray(arbitraryOf(d.element), {
        minLength,
        maxLength,
        selector: (v) => JSON.stringify(v),
      });
    }
    case "object": {
      const shape = d.shape as Record<string, unknown>;
      const requiredKeys = Object.keys(shape).filter(
        (key) => !["optional", "default"].includes(def(shape[key]).type),
      );
      const record = Object.fromEntries(
        Object.entries(shape).map(([key, value]) => [key, arbitraryOf(value)]),
      );
      return fc.record(record, { requiredKeys });
    }
    case "optional":
      return arbitraryOf(d.innerType);
    case "default":
      return arbitraryOf(d.innerType);
    case "nullable":
      return fc.option(arbitraryOf(d.innerType), { nil: null });
    case "union":
      return fc.oneof(...(d.options as unknown[]).map(arbitraryOf));
    case "pipe": {
      const out = def(d.out);
      if (out.type === "string" && (out.format === "email" || out.format === "url"))
        return stringArbitrary(out);
      // A phone's transform: phone-like numbers, and anything the input type takes.
      if (out.type === "transform" && def(d.in).type === "string") {
        return fc.oneof(phoneLike, stringArbitrary(def(d.in)));
      }
      return arbitraryOf(d.in);
    }
    case "transform":
      return fc.anything();
    default:
      return fc.anything();
  }
}

/** A JSON value somewhere in the tree, replaced: what a broken or hostile client sends. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(""),
  fc.string({ unit: "binary", maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constant("я".repeat(20_000)),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.integer().map(String),
  fc.constant(1e308),
  fc.constant(-0),
);

/** Deeply nested JSON, written as text (JSON.stringify itself would run out of stack). */
const deep = (depth: number, leaf: string) => `${'{"a":['.repeat(depth)}${leaf}${"]}".repeat(depth)}`;

const pollution = [
  '"__proto__":{"role":"coordinator","polluted":true}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"__proto__":{"__proto__":{"polluted":true}}',
];

/** A valid-looking value mutated in one of many ways, as the raw JSON text sent. */
export function mutatedJson(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const asObject = (value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((value) => JSON.stringify(value)) },
    // One field missing.
    valid.chain((value) => {
      const keys = Object.keys(asObject(value));
      if (keys.length === 0) return fc.constant(JSON.stringify(value));
      return fc.constantFrom(...keys).map((key) => {
        const { [key]: _dropped, ...rest } = asObject(value);
        return JSON.stringify(rest);
      });
    }),
    // One field of the wrong type, null, huge, unicode, an array, a number as a string.
    {
      weight: 4,
      arbitrary: fc.tuple(valid, wrongValue, fc.nat()).map(([value, wrong, pick]) => {
        const object = asObject(value);
        const keys = Object.keys(object);
        if (keys.length === 0) return JSON.stringify(wrong);
        const key = keys[pick % keys.length]!;
        const current = object[key];
        const replacement = typeof current === "number" && pick % 3 === 0 ? String(current) : wrong;
        return JSON.stringify({ ...object, [key]: replacement });
      }),
    },
    // Extra keys, including ones that would escalate.
    fc
      .tuple(
        valid,
        fc.constantFrom("role", "roles", "status", "ownerId", "orgId", "createdAt", "x"),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .map(([value, key, extra]) => JSON.stringify({ ...asObject(value), [key]: extra })),
    // Prototype pollution keys, written as raw JSON (an object literal would not keep them).
    fc.tuple(valid, fc.constantFrom(...pollution)).map(([value, key]) => {
      const text = JSON.stringify(asObject(value));
      return text === "{}" ? `{${key}}` : `{${key},${text.slice(1)}`;
    }),
    // Another top-level type, or deep nesting.
    fc.oneof(
      fc.constant("null"),
      fc.constant("[]"),
      fc.constant('"text"'),
      fc.constant("42"),
      valid.map((value) => JSON.stringify([value])),
      fc.integer({ min: 50, max: 5000 }).map((depth) => deep(depth, "1")),
      valid.map((value) => {
        const text = JSON.stringify(asObject(value));
        return `{"nested":${deep(500, '"x"')}${text === "{}" ? "}" : `,${text.slice(1)}`}`;
      }),
    ),
  );
}

/** A query string from a valid-looking object, sometimes mutated the same ways. */
export function mutatedQuery(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  // Objects as JSON, null-prototype ones too (String() of one throws: a seed-dependent failure).
  const text = (item: unknown) =>
    typeof item === "object" && item !== null ? JSON.stringify(item) : String(item);
  const encode = (value: unknown) => {
    const params = new URLSearchParams();
    for (const [key, item] of Object.entries((value ?? {}) as Record<string, unknown>)) {
      if (item === undefined) continue;
      if (Array.isArray(item)) for (const each of item) params.append(key, text(each));
      else params.append(key, text(item));
    }
    return params.toString();
  };
  return fc.oneof(
    { weight: 3, arbitrary: valid.map(encode) },
    fc.tuple(valid, wrongValue, fc.nat()).map(([value, wrong, pick]) => {
      const object = { ...((value ?? {}) as Record<string, unknown>) };
      const keys = Object.keys(object);
      const key = keys.length > 0 ? keys[pick % keys.length]! : "q";
      object[key] = typeof wrong === "string" ? wrong.slice(0, 3000) : wrong;
      return encode(object);
    }),
    fc
      .tuple(
        valid,
        fc.constantFrom("__proto__", "constructor", "role", "limit", "cursor"),
        fc.string({ maxLength: 30 }),
      )
      .map(
        ([value, key, extra]) => `${encode(value)}&${encodeURIComponent(key)}=${encodeURIComponent(extra)}`,
      ),
    fc.string({ unit: "binary", maxLength: 200 }).map((raw) => encodeURIComponent(raw)),
    fc.constantFrom(
      "%",
      "%E0%A4%A",
      "limit=1&limit=2",
      `cursor=${"A".repeat(2500)}`,
      "limit=-1",
      "limit=1e400",
    ),
  );
}
