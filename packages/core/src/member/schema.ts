import * as z from "zod/mini";
import { isValidInn, isValidOgrn } from "../identifiers";
import { municipalityIds, organisationKindIds, sphereIds } from "../reference";
import {
  blankable,
  cursor,
  email,
  limit,
  optionalText,
  phone,
  text,
  version,
  website,
} from "../shared/fields";

export const Kind = z.enum(organisationKindIds, { error: "Выберите вид организации" });
export const Municipality = z.enum(municipalityIds, { error: "Выберите муниципалитет" });
export const Sphere = z.enum(sphereIds, { error: "Неизвестная сфера деятельности" });

/** A contact value with the owner's choice whether guests may see it. */
const contact = <T extends z.ZodMiniType<string | undefined>>(value: T) =>
  z.optional(z.strictObject({ value, public: z._default(z.boolean(), false) }));

export const Contacts = z.strictObject({
  email: contact(email),
  phone: contact(phone),
  address: contact(text("адрес", 1, 300)),
  person: contact(text("контактное лицо", 1, 120)),
});
export type Contacts = z.infer<typeof Contacts>;

const profileFields = {
  name: text("полное название", 3, 300),
  shortName: optionalText(100),
  spheres: z
    .array(Sphere, { error: "Выберите сферы деятельности" })
    .check(
      z.minLength(1, { error: "Выберите хотя бы одну сферу" }),
      z.maxLength(5, { error: "Не больше пяти сфер" }),
    ),
  municipality: Municipality,
  description: text("описание деятельности", 20, 3000),
  website: blankable(website),
  contacts: z._default(Contacts, {}),
};

/** People type registration numbers with spaces and dashes; only the digits count. */
const registrationNumber = z.optional(
  z.pipe(
    z.string(),
    z.transform((value: string) => value.replace(/[\s-]/g, "")),
  ),
);

/**
 * Registration numbers depend on the kind: organisations have a 10-digit INN and an OGRN,
 * a sole proprietor a 12-digit INN and an OGRNIP, a private person an optional personal INN.
 */
export const Application = z
  .strictObject({
    kind: Kind,
    inn: registrationNumber,
    ogrn: registrationNumber,
    ...profileFields,
  })
  .check(
    z.superRefine(
      (value, ctx) => {
        // Runs on any JSON, a body of `null` too: the base check has already said what is wrong.
        if (typeof value !== "object" || value === null) return;
        const needsRegistration = value.kind !== "expert";
        const issue = (path: string, message: string) =>
          ctx.addIssue({ code: "custom", path: [path], message, input: value });
        if (!value.inn) {
          if (needsRegistration) issue("inn", "Укажите ИНН");
        } else if (!isValidInn(value.inn)) {
          issue("inn", "ИНН должен состоять из 10 или 12 цифр с верной контрольной суммой");
        }
        if (!value.ogrn) {
          if (needsRegistration) issue("ogrn", "Укажите ОГРН или ОГРНИП");
        } else if (!isValidOgrn(value.ogrn)) {
          issue("ogrn", "ОГРН (13 цифр) или ОГРНИП (15 цифр) с верной контрольной суммой");
        }
      },
      // Runs even when other fields failed, so the form shows every problem at once.
      { when: () => true },
    ),
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

export const AcceptInvitation = z.strictObject({
  token: z.string().check(z.minLength(20), z.maxLength(200)),
});
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;

export const DirectoryQuery = z.strictObject({
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  kind: z.optional(Kind),
  sphere: z.optional(Sphere),
  municipality: z.optional(Municipality),
  cursor,
  limit,
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const QueueQuery = z.strictObject({ cursor, limit });
export type QueueQuery = z.infer<typeof QueueQuery>;

export const NewestQuery = z.strictObject({ cursor, limit });
export type NewestQuery = z.infer<typeof NewestQuery>;

export const Status = z.enum(["pending", "approved", "rejected"]);

const publicContact = z.optional(z.object({ value: z.string(), public: z.boolean() }));

/** What anyone may see of an approved organisation (contacts only where published). */
export const PublicProfile = z.object({
  id: z.string(),
  kind: Kind,
  name: z.string(),
  shortName: z.optional(z.string()),
  inn: z.optional(z.string()),
  ogrn: z.optional(z.string()),
  spheres: z.array(Sphere),
  municipality: Municipality,
  description: z.string(),
  website: z.optional(z.string()),
  contacts: z.object({
    email: publicContact,
    phone: publicContact,
    address: publicContact,
    person: publicContact,
  }),
  demo: z.optional(z.boolean()),
  approvedAt: z.optional(z.string()),
  /** Present when the organisation has a logo; changes with every new logo. */
  logoUrl: z.optional(z.string()),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

/** The full record for its representatives and coordinators. */
export const Organisation = z.extend(PublicProfile, {
  status: Status,
  rejectionReason: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Organisation = z.infer<typeof Organisation>;

export const DirectoryEntry = z.pick(PublicProfile, {
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
