/**
 * Stands in for the `jsonschema` package inside Lambda bundles only (docs/decisions/009).
 *
 * ElectroDB uses jsonschema for two things: to reject a malformed model when an entity is
 * constructed, and to tell a model from an entity or service instance (`getInstanceType`).
 * Our models are constant code, checked by the real jsonschema in every test run, so in
 * production only the second use matters, and it depends on nothing but the schemas' required
 * properties and their types. `model-shape-validator.test.ts` proves both classify alike.
 */
type Schema = {
  type?: string | string[];
  required?: boolean | string[];
  properties?: Record<string, Schema>;
};

type Failure = { property: string; message: string; argument?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: string) {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "any":
      return true;
    default:
      return typeof value === type;
  }
}

function check(value: unknown, schema: Schema, path: string, failures: Failure[]) {
  const types = schema.type === undefined ? [] : [schema.type].flat();
  if (types.length > 0 && !types.some((type) => hasType(value, type))) {
    failures.push({ property: path, message: `is not of a type(s) ${types.join(",")}` });
    return;
  }
  if (!isObject(value)) return;
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (value[name] === undefined) failures.push({ property: path, message: `requires property "${name}"` });
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (value[name] !== undefined) check(value[name], property, `${path}.${name}`, failures);
    else if (property.required === true)
      failures.push({ property: `${path}.${name}`, message: "is required" });
  }
}

export class Validator {
  /** ElectroDB registers its formats here; only the real validator evaluates them. */
  declare customFormats: Record<string, (input: unknown) => boolean>;

  addSchema() {}

  validate(instance: unknown, schema: Schema) {
    const errors: Failure[] = [];
    check(instance, schema, "instance", errors);
    return { errors, valid: errors.length === 0 };
  }
}

Validator.prototype.customFormats = {};
