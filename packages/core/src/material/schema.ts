import * as z from "zod/mini";
import { UploadId } from "../files/schema";
import { documentMimes } from "../files/types";
import { consultationTopicIds, sphereIds } from "../reference";
import { cursor, limit, optionalText, text, version, website } from "../shared/fields";

export const materialKinds = [
  { id: "article", name: "Статья" },
  { id: "file", name: "Файл" },
  { id: "link", name: "Ссылка" },
  { id: "video", name: "Видео" },
] as const;
export const MaterialKind = z.enum(["article", "file", "link", "video"], {
  error: "Выберите вид: статья, файл, ссылка или видео",
});
export type MaterialKind = z.infer<typeof MaterialKind>;

/** Everyone, or only people of the cluster (members, experts, officials, coordinators). */
export const Audience = z.enum(["public", "members"], { error: "Выберите, кому доступен материал" });
export type Audience = z.infer<typeof Audience>;

export const MATERIAL_BODY_MAX = 50_000;

const materialFields = {
  title: text("название", 5, 200).check(z.regex(/^[^\r\n]*$/, { error: "Название — в одну строку" })),
  summary: text("краткое описание", 10, 500),
  topic: z.enum(consultationTopicIds, { error: "Выберите тему" }),
  spheres: z._default(
    z
      .array(z.enum(sphereIds, { error: "Выберите сферу из списка" }))
      .check(z.maxLength(5, { error: "Не больше 5 сфер" })),
    [],
  ),
  /** Authors by name, beside the portal expert who publishes it. */
  authors: z._default(
    z.array(text("автора", 2, 150)).check(z.maxLength(10, { error: "Не больше 10 авторов" })),
    [],
  ),
  /** The edition people cite: «2», «2026.1». */
  edition: optionalText(30),
  audience: z._default(Audience, "public"),
  /** An article's text in Markdown (rendered and made safe by the portal). */
  body: z.optional(
    z
      .string()
      .check(z.trim(), z.maxLength(MATERIAL_BODY_MAX, { error: `Не длиннее ${MATERIAL_BODY_MAX} символов` })),
  ),
  /** A link's or a video recording's address. */
  url: z.optional(website),
};

type MaterialShape = Partial<Record<keyof typeof materialFields | "kind" | "uploadId", unknown>>;

/** What each kind needs, said on the field to fill. */
const kindRules = (creating: boolean) =>
  z.superRefine((value: MaterialShape | null, ctx) => {
    if (!value) return;
    const issue = (field: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [field], message, input: value });
    const body = typeof value.body === "string" ? value.body.trim() : "";
    if (value.kind === "article" && body.length < 50) issue("body", "Текст статьи — не короче 50 символов");
    if ((value.kind === "link" || value.kind === "video") && !value.url) issue("url", "Укажите адрес");
    if (creating && value.kind === "file" && !value.uploadId) issue("uploadId", "Загрузите файл");
  });

export const CreateMaterial = z
  .strictObject({
    kind: MaterialKind,
    ...materialFields,
    uploadId: z.optional(UploadId),
    /** A member proposes for the organisation they represent; experts and coordinators publish as themselves. */
    organisationId: z.optional(z.string().check(z.minLength(1), z.maxLength(40))),
  })
  .check(kindRules(true));
export type CreateMaterial = z.infer<typeof CreateMaterial>;

/** The kind stays; a file gets a new version by its own request. */
export const UpdateMaterial = z
  .strictObject({ kind: MaterialKind, ...materialFields, version })
  .check(kindRules(false));
export type UpdateMaterial = z.infer<typeof UpdateMaterial>;

export const NewFileVersion = z.strictObject({
  uploadId: UploadId,
  /** What changed, shown in the list of versions. */
  note: optionalText(300),
  version,
});
export type NewFileVersion = z.infer<typeof NewFileVersion>;

export const ReturnMaterial = z.strictObject({ reason: text("причину", 5, 1000), version });
export const ReviewMaterial = z.strictObject({ version });

export const MaterialQuery = z.strictObject({
  kind: z.optional(MaterialKind),
  topic: z.optional(z.enum(consultationTopicIds, { error: "Выберите тему" })),
  sort: z._default(z.enum(["newest", "popular"], { error: "Сортировка: newest или popular" }), "newest"),
  /** Words of the title, summary or an article's text, in any form (public materials). */
  q: optionalText(200),
  cursor,
  limit,
});
export type MaterialQuery = z.infer<typeof MaterialQuery>;

export const MaterialStatus = z.enum(["proposed", "returned", "published", "withdrawn"]);

export const FileVersion = z.object({
  number: z.number(),
  fileName: z.string(),
  contentType: z.enum(documentMimes),
  size: z.number(),
  note: z.optional(z.string()),
  uploadedAt: z.string(),
});
export type FileVersion = z.infer<typeof FileVersion>;

/** A material in a list: enough for a card. */
export const MaterialCard = z.object({
  id: z.string(),
  kind: MaterialKind,
  title: z.string(),
  summary: z.string(),
  topic: z.enum(consultationTopicIds),
  spheres: z.array(z.string()),
  authors: z.array(z.string()),
  audience: Audience,
  status: MaterialStatus,
  /** For a file: its current version's type and size. */
  file: z.optional(z.object({ contentType: z.enum(documentMimes), size: z.number(), fileName: z.string() })),
  downloads: z.number(),
  publishedAt: z.optional(z.string()),
  demo: z.boolean(),
});
export type MaterialCard = z.infer<typeof MaterialCard>;

/**
 * A material as the portal-wide search finds it: written with the material, so without the
 * download count that moves on after it (public materials only are indexed).
 */
export const MaterialHit = z.object({
  id: z.string(),
  kind: MaterialKind,
  title: z.string(),
  summary: z.string(),
  topic: z.enum(consultationTopicIds),
  file: MaterialCard.shape.file,
  publishedAt: z.optional(z.string()),
  demo: z.boolean(),
});
export type MaterialHit = z.infer<typeof MaterialHit>;

export const MaterialDetail = z.object({
  ...MaterialCard.shape,
  edition: z.optional(z.string()),
  /** An article's Markdown, for its editors. */
  body: z.optional(z.string()),
  /** An article's text as safe HTML. */
  html: z.optional(z.string()),
  url: z.optional(z.string()),
  /** Newest first. */
  files: z.array(FileVersion),
  createdBy: z.object({ name: z.string(), expert: z.boolean() }),
  organisationName: z.optional(z.string()),
  returnReason: z.optional(z.string()),
  /** Whether this person may change it. */
  editable: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type MaterialDetail = z.infer<typeof MaterialDetail>;
