import * as z from "zod";
import { isValidInn, isValidOgrn } from "../identifiers";
import { municipalityIds, organisationKindIds, sphereIds } from "../reference";
import { cursor, email, limit, optionalText, phone, text, version, website } from "../shared/fields";

export const Kind = z.enum(organisationKindIds, { error: "Выберите вид организации" });
export const Municipality = z.enum(municipalityIds, { error: "Выберите муниципалитет" });
export const Sphere = z.enum(sphereIds, { error: "Неизвестная сфера деятельности" });

/** A contact value with the owner's choice whether guests may see it. */
const contact = <T extends z.ZodType<string | undefined>>(value: T) =>
  z.strictObject({ value, public: z.boolean().default(false) });

export const Contacts = z.strictObject({
  email: contact(email).optional(),
  phone: contact(phone).optional(),
  address: contact(text("адрес", 1, 300)).optional(),
  person: contact(text("контактное лицо", 1, 120)).optional(),
});
export type Contacts = z.infer<typeof Contacts>;

const profileFields = {
  name: text("полное название", 3, 300),
  shortName: optionalText(100),
  spheres: z
    .array(Sphere, { error: "Выберите сферы деятельности" })
    .min(1, { error: "Выберите хотя бы одну сферу" })
    .max(5, { error: "Не больше пяти сфер" }),
  municipality: Municipality,
  description: text("описание деятельности", 20, 3000),
  website: website.optional().or(z.literal("").transform(() => undefined)),
  contacts: Contacts.default({}),
};

const digitsOnly = (value: string) => value.replace(/[\s-]/g, "");

/**
 * Registration numbers depend on the kind: organisations have a 10-digit INN and an OGRN,
 * a sole proprietor a 12-digit INN and an OGRNIP, a private person an optional personal INN.
 */
export const Application = z
  .strictObject({
    kind: Kind,
    inn: z.string().transform(digitsOnly).optional(),
    ogrn: z.string().transform(digitsOnly).optional(),
    ...profileFields,
  })
  .superRefine(
    (value, ctx) => {
      const needsRegistration = value.kind !== "expert";
      if (!value.inn) {
        if (needsRegistration) ctx.addIssue({ code: "custom", path: ["inn"], message: "Укажите ИНН" });
      } else if (!isValidInn(value.inn)) {
        ctx.addIssue({
          code: "custom",
          path: ["inn"],
          message: "ИНН должен состоять из 10 или 12 цифр с верной контрольной суммой",
        });
      }
      if (!value.ogrn) {
        if (needsRegistration)
          ctx.addIssue({ code: "custom", path: ["ogrn"], message: "Укажите ОГРН или ОГРНИП" });
      } else if (!isValidOgrn(value.ogrn)) {
        ctx.addIssue({
          code: "custom",
          path: ["ogrn"],
          message: "ОГРН (13 цифр) или ОГРНИП (15 цифр) с верной контрольной суммой",
        });
      }
    },
    // Runs even when other fields failed, so the form shows every problem at once.
    { when: () => true },
  );
export type Application = z.infer<typeof Application>;

export const UpdateProfile = z.strictObject({ ...profileFields, version });
export type UpdateProfile = z.infer<typeof UpdateProfile>;

export const Reject = z.strictObject({
  reason: text("причину отказа", 5, 1000),
  version,
});
export type Reject = z.infer<typeof Reject>;

export const Approve = z.strictObject({ version });
export type Approve = z.infer<typeof Approve>;

export const Invite = z.strictObject({ email });
export type Invite = z.infer<typeof Invite>;

export const AcceptInvitation = z.strictObject({ token: z.string().min(20).max(200) });
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;

export const DirectoryQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  kind: Kind.optional(),
  sphere: Sphere.optional(),
  municipality: Municipality.optional(),
  cursor,
  limit,
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const QueueQuery = z.strictObject({ cursor, limit });
export type QueueQuery = z.infer<typeof QueueQuery>;

export const Status = z.enum(["pending", "approved", "rejected"]);

const publicContact = z.object({ value: z.string(), public: z.boolean() });

/** What anyone may see of an approved organisation (contacts only where published). */
export const PublicProfile = z.object({
  id: z.string(),
  kind: Kind,
  name: z.string(),
  shortName: z.string().optional(),
  inn: z.string().optional(),
  ogrn: z.string().optional(),
  spheres: z.array(Sphere),
  municipality: Municipality,
  description: z.string(),
  website: z.string().optional(),
  contacts: z.object({
    email: publicContact.optional(),
    phone: publicContact.optional(),
    address: publicContact.optional(),
    person: publicContact.optional(),
  }),
  demo: z.boolean().optional(),
  approvedAt: z.string().optional(),
  /** Present when the organisation has a logo; changes with every new logo. */
  logoUrl: z.string().optional(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

/** The full record for its representatives and coordinators. */
export const Organisation = PublicProfile.extend({
  status: Status,
  rejectionReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Organisation = z.infer<typeof Organisation>;

export const DirectoryEntry = PublicProfile.pick({
  id: true,
  logoUrl: true,
  kind: true,
  name: true,
  shortName: true,
  spheres: true,
  municipality: true,
  demo: true,
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const logoTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type LogoType = (typeof logoTypes)[number];
/** 200 KB: plenty for a logo, and well inside DynamoDB's 400 KB item as base64. */
export const LOGO_MAX_BYTES = 200 * 1024;
