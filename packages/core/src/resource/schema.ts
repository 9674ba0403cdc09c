import * as z from "zod/mini";
import { placeIds, resourceCategoryIds } from "../reference";
import { cursor, limit, text, version } from "../shared/fields";

export const ListingKind = z.enum(["offer", "request"], { error: "Выберите: предлагаю или ищу" });
export const Category = z.enum(resourceCategoryIds, { error: "Выберите категорию ресурса" });
export const Place = z.enum(placeIds, { error: "Выберите муниципалитет, всю область или онлайн" });
export const Conditions = z.enum(["free", "cofinancing"], { error: "Выберите условия" });

const isoDate = (label: string) =>
  z.string({ error: `Укажите ${label}` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Дата в формате ГГГГ-ММ-ДД" }),
    z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: "Такой даты нет" }),
  );

const listingFields = {
  category: Category,
  title: text("название", 5, 150),
  description: text("описание", 20, 3000),
  place: Place,
  /** How many: laptops, seats in a hall, volunteers. Absent where counting makes no sense. */
  quantity: z.optional(
    z
      .int({ error: "Количество — целое число" })
      .check(
        z.gte(1, { error: "Количество должно быть больше нуля" }),
        z.lte(100_000, { error: "Слишком большое количество" }),
      ),
  ),
  availableFrom: isoDate("дату начала"),
  /** Absent: until withdrawn. */
  availableTo: z.optional(isoDate("дату окончания")),
  conditions: z._default(Conditions, "free"),
  /** In roubles, for the contributions ledger. */
  estimatedValue: z.optional(
    z
      .int({ error: "Оценка — целое число рублей" })
      .check(
        z.gte(0, { error: "Оценка не может быть отрицательной" }),
        z.lte(100_000_000, { error: "Слишком большая оценка" }),
      ),
  ),
};

/** The window must not end before it starts; checked even when other fields failed. */
const windowInOrder = z.superRefine(
  (value: { availableFrom?: unknown; availableTo?: unknown }, ctx) => {
    const { availableFrom, availableTo } = value;
    if (typeof availableFrom === "string" && typeof availableTo === "string" && availableTo < availableFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["availableTo"],
        message: "Дата окончания раньше даты начала",
        input: value,
      });
    }
  },
  { when: () => true },
);

export const CreateListing = z
  .strictObject({
    kind: ListingKind,
    /** On behalf of this organisation; absent for a private person (who may only offer). */
    organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    ...listingFields,
  })
  .check(windowInOrder);
export type CreateListing = z.infer<typeof CreateListing>;

export const UpdateListing = z.strictObject({ ...listingFields, version }).check(windowInOrder);
export type UpdateListing = z.infer<typeof UpdateListing>;

export const ChangeStatus = z.strictObject({ version });
export type ChangeStatus = z.infer<typeof ChangeStatus>;

export const CatalogueQuery = z.strictObject({
  kind: z.optional(ListingKind),
  category: z.optional(Category),
  place: z.optional(Place),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  cursor,
  limit,
});
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const ListingStatus = z.enum(["draft", "published", "withdrawn", "expired", "fulfilled", "hidden"]);

export const Listing = z.object({
  id: z.string(),
  kind: ListingKind,
  category: Category,
  title: z.string(),
  description: z.string(),
  place: Place,
  quantity: z.optional(z.number()),
  availableFrom: z.string(),
  availableTo: z.optional(z.string()),
  conditions: Conditions,
  estimatedValue: z.optional(z.number()),
  status: ListingStatus,
  owner: z.object({
    organisationId: z.optional(z.string()),
    name: z.string(),
  }),
  publishedAt: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Listing = z.infer<typeof Listing>;

export const CatalogueEntry = z.pick(Listing, {
  id: true,
  kind: true,
  category: true,
  title: true,
  place: true,
  quantity: true,
  availableTo: true,
  conditions: true,
  owner: true,
  publishedAt: true,
});
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;
