import * as z from "zod/mini";
import ru from "zod/v4/locales/ru.js";
import { normalisePhone } from "../identifiers";

/**
 * Field builders with Russian messages, shared by every schema so wording stays consistent.
 * zod/mini keeps the validation identical in the browser and on Lambda at a third of the size
 * (docs/decisions/007-zod-mini-for-shared-schemas.md); any message not written here is Russian too.
 */
z.config(ru());

/** Empty says "Укажите …"; too short says by how much. The first message per field is shown. */
export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Укажите ${label}` })
    .check(
      z.trim(),
      z.minLength(1, { error: `Укажите ${label}` }),
      z.minLength(min, { error: `Не короче ${min} символов` }),
      z.maxLength(max, { error: `Не длиннее ${max} символов` }),
    );

export const optionalText = (max: number) =>
  z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `Не длиннее ${max} символов` })));

export const email = z.pipe(
  z.string({ error: "Укажите адрес электронной почты" }).check(z.trim(), z.toLowerCase()),
  z
    .email({ error: "Неверный адрес электронной почты" })
    .check(z.maxLength(254, { error: "Слишком длинный адрес" })),
);

export const phone = z.pipe(
  z.string().check(z.trim()),
  z.transform((value: string, ctx) => {
    const normalised = normalisePhone(value);
    if (!normalised) {
      ctx.issues.push({ code: "custom", message: "Телефон в формате +7 XXX XXX-XX-XX", input: value });
      return z.NEVER;
    }
    return normalised;
  }),
);

export const website = z.pipe(
  z.pipe(
    z.string().check(z.trim(), z.maxLength(300, { error: "Не длиннее 300 символов" })),
    z.transform((value: string) => (/^https?:\/\//i.test(value) ? value : `https://${value}`)),
  ),
  z.url({ protocol: /^https?$/, error: "Неверный адрес сайта" }),
);

/** An optional field that a form may also send as "" when left empty. */
export const blankable = <T extends z.ZodMiniType>(schema: T) =>
  z.union([
    z.optional(schema),
    z.pipe(
      z.literal(""),
      z.transform(() => undefined),
    ),
  ]);

export const version = z.int({ error: "Нет версии записи" }).check(z.gte(1));

/** A page cursor as ElectroDB writes it: base64url JSON of the last item's key attributes. */
const isCursor = (value: string) => {
  try {
    const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    const keys = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    return (
      typeof keys === "object" &&
      keys !== null &&
      Object.entries(keys).every(
        ([name, key]) => /^(pk|sk|gsi\d+(pk|sk))$/.test(name) && typeof key === "string",
      )
    );
  } catch {
    return false;
  }
};

export const cursor = z.optional(
  z
    .string()
    .check(
      z.maxLength(2000),
      z.refine(isCursor, { error: "Неверная ссылка на страницу: откройте список заново" }),
    ),
);

export const limit = z._default(z.coerce.number().check(z.gte(1), z.lte(100), z.multipleOf(1)), 20);
