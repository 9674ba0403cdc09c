import * as z from "zod/mini";
import { consultationTopicIds, municipalityIds, resourceCategoryIds } from "../reference";
import { email, version } from "../shared/fields";
import { digestTopics, frequencies, subscriberStatuses } from "./options";

const choices = <T extends readonly [string, ...string[]]>(values: T, what: string, max: number) =>
  z._default(
    z
      .array(z.enum(values, { error: `Выберите ${what} из списка` }))
      .check(z.maxLength(max, { error: `Не больше ${max}` })),
    [],
  );

/** What a subscriber chooses; the same form serves the email-only and the account subscription. */
export const Preferences = z.strictObject({
  frequency: z._default(z.enum(frequencies, { error: "Выберите, как часто присылать дайджест" }), "weekly"),
  weekday: z._default(
    z
      .int({ error: "День недели — от 1 (понедельник) до 7" })
      .check(z.gte(1, { error: "День недели — от 1 до 7" }), z.lte(7, { error: "День недели — от 1 до 7" })),
    1,
  ),
  hour: z._default(
    z
      .int({ error: "Час — от 0 до 23" })
      .check(z.gte(0, { error: "Час — от 0 до 23" }), z.lte(23, { error: "Час — от 0 до 23" })),
    9,
  ),
  topics: z._default(
    z
      .array(z.enum(digestTopics, { error: "Выберите темы из списка" }))
      .check(z.minLength(1, { error: "Выберите хотя бы одну тему" }), z.maxLength(digestTopics.length)),
    [...digestTopics],
  ),
  categories: choices(resourceCategoryIds, "категории", resourceCategoryIds.length),
  consultationTopics: choices(consultationTopicIds, "темы консультаций", consultationTopicIds.length),
  municipalities: choices(municipalityIds, "муниципалитеты", municipalityIds.length),
});
export type Preferences = z.infer<typeof Preferences>;

export const Subscribe = z.extend(Preferences, { email });
export type Subscribe = z.infer<typeof Subscribe>;

/** A change of preferences; `version` guards against two tabs overwriting each other. */
export const UpdatePreferences = z.extend(Preferences, { version });
export type UpdatePreferences = z.infer<typeof UpdatePreferences>;

/** The signed token from a letter's link. */
export const TokenQuery = z.strictObject({
  token: z
    .string({ error: "Ссылка неполная" })
    .check(z.minLength(10, { error: "Ссылка неполная" }), z.maxLength(200)),
});

export const ConfirmBody = z.strictObject({
  token: TokenQuery.shape.token,
});

export const SubscriptionView = z.object({
  email: z.string(),
  status: z.enum(subscriberStatuses),
  frequency: z.enum(frequencies),
  weekday: z.number(),
  hour: z.number(),
  topics: z.array(z.string()),
  categories: z.array(z.string()),
  consultationTopics: z.array(z.string()),
  municipalities: z.array(z.string()),
  nextDueAt: z.optional(z.string()),
  linkedToAccount: z.boolean(),
  version: z.number(),
});
export type SubscriptionView = z.infer<typeof SubscriptionView>;

/** What the subscribe form gets back: the same answer whether or not the address was known. */
export const SubscribeAnswer = z.object({ status: z.literal("check_mail") });

/** A bounce or complaint as SES reports it through SNS, reduced to what suppression needs. */
export const Feedback = z.strictObject({
  type: z.enum(["bounce", "complaint"]),
  emails: z.array(email).check(z.minLength(1), z.maxLength(100)),
  permanent: z._default(z.boolean(), true),
  detail: z.optional(z.string().check(z.maxLength(500))),
});
export type Feedback = z.infer<typeof Feedback>;
