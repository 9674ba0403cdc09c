import * as z from "zod";
import { normalisePhone } from "../identifiers";

/** Field builders with Russian messages, shared by every schema so wording stays consistent. */

/** Empty says "Укажите …"; too short says by how much. The first message per field is shown. */
export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Укажите ${label}` })
    .trim()
    .min(1, { error: `Укажите ${label}` })
    .min(min, { error: `Не короче ${min} символов` })
    .max(max, { error: `Не длиннее ${max} символов` });

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Не длиннее ${max} символов` })
    .optional();

export const email = z
  .string({ error: "Укажите адрес электронной почты" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Неверный адрес электронной почты" }))
  .pipe(z.string().max(254, { error: "Слишком длинный адрес" }));

export const phone = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const normalised = normalisePhone(value);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Телефон в формате +7 XXX XXX-XX-XX" });
      return z.NEVER;
    }
    return normalised;
  });

export const website = z
  .string()
  .trim()
  .max(300, { error: "Не длиннее 300 символов" })
  .transform((value) => (/^https?:\/\//i.test(value) ? value : `https://${value}`))
  .pipe(z.url({ protocol: /^https?$/, error: "Неверный адрес сайта" }));

export const version = z.number({ error: "Нет версии записи" }).int().min(1);

export const cursor = z.string().max(2000).optional();

export const limit = z.coerce.number().int().min(1).max(100).default(20);

export const ulid = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { error: "Неверный идентификатор" });
