import type { FieldErrors } from "../data/api";

/** The DOM id of the control for a dotted field path: "contacts.email.value" -> "field-contacts-email-value". */
export const fieldId = (name: string) => `field-${name.replace(/[^a-zA-Z0-9_-]+/g, "-")}`;

type IssueLike = { path: readonly PropertyKey[]; message: string };

/**
 * Maps validation issues (zod's `error.issues`) to `{ "dotted.path": message }`, first message wins.
 * Typed structurally so that this module does not pull zod into the bundle.
 */
export function issuesToFields(issues: readonly IssueLike[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

/** The first message among several paths (a contact's error may come as "contacts.email" or "contacts.email.value"). */
export function firstError(errors: FieldErrors, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const message = errors[key];
    if (message) return message;
  }
  return undefined;
}

/** The message for a field and any of its nested paths ("spheres", "spheres.0"). */
export function errorUnder(errors: FieldErrors, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const nested = Object.keys(errors).find((k) => k.startsWith(`${key}.`));
  return nested ? errors[nested] : undefined;
}

/** After the errors have rendered, moves focus to the first invalid control (or to `fallback`). */
export function focusFirstInvalid(container: HTMLElement | undefined, fallback?: HTMLElement) {
  requestAnimationFrame(() => {
    const invalid = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? fallback)?.focus();
  });
}

/** Leaves out empty strings so that optional fields are absent rather than "". */
export function blankToUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === "" ? undefined : value;
}
