import * as z from "zod/mini";
import { consent } from "../reference";
import { email } from "../shared/fields";

export const RequestCode = z.strictObject({ email });
export type RequestCode = z.infer<typeof RequestCode>;

export const VerifyCode = z.strictObject({
  email,
  code: z
    .string({ error: "Введите код из письма" })
    .check(z.trim(), z.regex(/^\d{6}$/, { error: "Код состоит из 6 цифр" })),
});
export type VerifyCode = z.infer<typeof VerifyCode>;

/** The answer to a verified code: a session for a known person, a sign-up step for a new one. */
export const VerifyResult = z.discriminatedUnion("next", [
  z.object({ next: z.literal("signed-in") }),
  z.object({ next: z.literal("sign-up"), signupToken: z.string() }),
]);
export type VerifyResult = z.infer<typeof VerifyResult>;

export const SignUp = z.strictObject({
  signupToken: z.string().check(z.minLength(20), z.maxLength(200)),
  name: z
    .string({ error: "Укажите имя" })
    .check(
      z.trim(),
      z.minLength(2, { error: "Укажите имя и фамилию" }),
      z.maxLength(120, { error: "Не длиннее 120 символов" }),
    ),
  consent: z.literal(true, { error: "Без согласия на обработку персональных данных регистрация невозможна" }),
  consentVersion: z.literal(consent.version, { error: "Текст согласия изменился, обновите страницу" }),
});
export type SignUp = z.infer<typeof SignUp>;
