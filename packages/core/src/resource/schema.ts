import * as z from "zod/mini";
import { placeIds, resourceCategoryIds } from "../reference";
import { cursor, limit, optionalText, text, version } from "../shared/fields";

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
  title: text("название", 5, 150).check(z.regex(/^[^\r\n]*$/, { error: "Название — в одну строку" })),
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

/** A window must not end before it starts; checked even when other fields failed. */
const inOrder = (fromKey: string, toKey: string) =>
  z.superRefine(
    (value: Record<string, unknown> | null, ctx) => {
      const from = value?.[fromKey];
      const to = value?.[toKey];
      if (typeof from === "string" && typeof to === "string" && to < from) {
        ctx.addIssue({
          code: "custom",
          path: [toKey],
          message: "Дата окончания раньше даты начала",
          input: value,
        });
      }
    },
    { when: () => true },
  );
const windowInOrder = inOrder("availableFrom", "availableTo");

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

export const HideListing = z.strictObject({ version, reason: text("причину", 5, 500) });
export type HideListing = z.infer<typeof HideListing>;

export const ListingStatus = z.enum([
  "draft",
  "published",
  "reserved",
  "withdrawn",
  "expired",
  "fulfilled",
  "hidden",
]);

export const Listing = z.object({
  id: z.string(),
  kind: ListingKind,
  category: Category,
  title: z.string(),
  description: z.string(),
  place: Place,
  quantity: z.optional(z.number()),
  remaining: z.optional(z.number()),
  availableFrom: z.string(),
  availableTo: z.optional(z.string()),
  conditions: Conditions,
  estimatedValue: z.optional(z.number()),
  status: ListingStatus,
  hiddenReason: z.optional(z.string()),
  photos: z.array(z.object({ id: z.string(), url: z.string() })),
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

export const CatalogueEntry = z.extend(
  z.pick(Listing, {
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
  }),
  { photoUrl: z.optional(z.string()) },
);
export type CatalogueEntry = z.infer<typeof CatalogueEntry>;

/** An open listing that fits another one (see docs/decisions/010). */
export const Match = z.object({ entry: CatalogueEntry, similarity: z.number() });
export type Match = z.infer<typeof Match>;

const positiveQuantity = z
  .int({ error: "Количество — целое число" })
  .check(
    z.gte(1, { error: "Количество должно быть больше нуля" }),
    z.lte(100_000, { error: "Слишком большое количество" }),
  );

export const CreateResponse = z
  .strictObject({
    listingId: z.string({ error: "Нет объявления" }).check(z.minLength(1), z.maxLength(40)),
    /** On behalf of this organisation; required to receive what an offer gives. */
    organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    message: text("сообщение", 5, 2000),
    quantity: z.optional(positiveQuantity),
    wantedFrom: z.optional(isoDate("дату начала")),
    wantedTo: z.optional(isoDate("дату окончания")),
  })
  .check(inOrder("wantedFrom", "wantedTo"));
export type CreateResponse = z.infer<typeof CreateResponse>;

export const DeclineResponse = z.strictObject({ version, reason: optionalText(500) });
export type DeclineResponse = z.infer<typeof DeclineResponse>;

export const PostMessage = z.strictObject({ text: text("сообщение", 1, 2000) });
export type PostMessage = z.infer<typeof PostMessage>;

export const ResponsesQuery = z.strictObject({
  listingId: z.string().check(z.minLength(1), z.maxLength(40)),
});

export const ResponseStatus = z.enum(["pending", "accepted", "declined", "cancelled", "fulfilled"]);

const Contact = z.object({
  name: z.string(),
  organisation: z.optional(z.string()),
  email: z.string(),
  phone: z.optional(z.string()),
});
export type Contact = z.infer<typeof Contact>;

export const ResponseView = z.object({
  id: z.string(),
  listing: z.object({ id: z.string(), kind: ListingKind, title: z.string(), ownerName: z.string() }),
  responder: z.object({ name: z.string(), organisationId: z.optional(z.string()) }),
  message: z.string(),
  quantity: z.optional(z.number()),
  wantedFrom: z.optional(z.string()),
  wantedTo: z.optional(z.string()),
  status: ResponseStatus,
  declineReason: z.optional(z.string()),
  createdAt: z.string(),
  version: z.number(),
  /** Which side the reader is on: what they may do with it. */
  role: z.enum(["owner", "responder", "coordinator"]),
});
export type ResponseView = z.infer<typeof ResponseView>;

export const ResponseMessage = z.object({
  id: z.string(),
  author: z.string(),
  mine: z.boolean(),
  text: z.string(),
  createdAt: z.string(),
});
export type ResponseMessage = z.infer<typeof ResponseMessage>;

/** Contacts of both sides appear only once the owner has accepted. */
export const ResponseDetail = z.object({
  response: ResponseView,
  messages: z.array(ResponseMessage),
  contacts: z.optional(z.object({ owner: Contact, responder: Contact })),
});
export type ResponseDetail = z.infer<typeof ResponseDetail>;

const period = {
  from: z.optional(isoDate("начало периода")),
  to: z.optional(isoDate("конец периода")),
};

const periodInOrder = inOrder("from", "to");

export const LedgerQuery = z
  .strictObject({
    organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
    ...period,
  })
  .check(periodInOrder);
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const LedgerExportQuery = z.strictObject(period).check(periodInOrder);
export type LedgerExportQuery = z.infer<typeof LedgerExportQuery>;

const Totals = z.object({ count: z.number(), value: z.number() });

export const Contribution = z.object({
  id: z.string(),
  at: z.string(),
  listingId: z.string(),
  category: Category,
  title: z.string(),
  quantity: z.optional(z.number()),
  value: z.optional(z.number()),
  giver: z.string(),
  receiver: z.string(),
});
export type Contribution = z.infer<typeof Contribution>;

export const Ledger = z.object({
  given: Totals,
  received: Totals,
  byCategory: z.array(z.object({ category: Category, given: Totals, received: Totals })),
  recent: z.array(Contribution),
});
export type Ledger = z.infer<typeof Ledger>;
