import type { EntityItem } from "electrodb";
import type { Person } from "../actor";
import { hit } from "../auth/rate-limit";
import { store } from "../db/store";
import { Conflict, Invalid, NotFound, type VisibleError } from "../errors";
import * as Clock from "../shared/clock";
import { ulid } from "../shared/ulid";
import { FileUploadEntity } from "./entity";
import type { RequestUpload, UploadTicket } from "./schema";
import { sniffDocument } from "./sniff";
import { readRange, removeObject, sizeOf, UPLOAD_URL_SECONDS, uploadUrl } from "./storage";
import { documentLabel, typeOfName } from "./types";

const db = /* @__PURE__ */ store({ fileUpload: FileUploadEntity });

export type FileUpload = EntityItem<typeof FileUploadEntity>;

/** Browsers may write only here; what a ticket stores is copied out to its own key once checked. */
export const uploadKey = (id: string) => `uploads/${id}`;

/** More than a person uploading a course's templates needs; enough to stop filling the bucket. */
export const UPLOADS_PER_HOUR = { max: 60, windowSeconds: 3600 };

/** A ticket to upload one document: the name's extension must be its declared type. */
export async function requestUpload(person: Person, input: RequestUpload): Promise<UploadTicket> {
  if (typeOfName(input.fileName) !== input.contentType) {
    throw new Invalid({
      fileName: `Имя файла должно оканчиваться на .${documentLabel(input.contentType).toLowerCase()}`,
    });
  }
  await hit({ bucket: `upload#${person.accountId}`, ...UPLOADS_PER_HOUR });
  const id = ulid();
  const expires = Clock.nowMs() + UPLOAD_URL_SECONDS * 1000;
  await db()
    .entities.fileUpload.create({
      id,
      accountId: person.accountId,
      fileName: input.fileName,
      contentType: input.contentType,
      size: input.size,
      status: "open",
      expiresAt: new Date(expires).toISOString(),
      createdAt: Clock.nowIso(),
      // Kept a day past its end, so a late use is told it expired rather than that it never was.
      expiresAtEpoch: Math.floor(expires / 1000) + 86_400,
    })
    .go();
  return {
    uploadId: id,
    url: await uploadUrl(uploadKey(id), input.contentType, input.size),
    method: "PUT",
    headers: { "content-type": input.contentType },
    expiresAt: new Date(expires).toISOString(),
  };
}

/**
 * The person's uploaded file, checked: the ticket is theirs, open and in time; the object is
 * there, of the declared size, and its bytes are the declared type. A file that is not what it
 * says is deleted and its ticket closed. `field` is where a refusal is said.
 */
export async function checkedUpload(person: Person, uploadId: string, field: string): Promise<FileUpload> {
  const { data: upload } = await db().entities.fileUpload.get({ id: uploadId }).go({ consistent: true });
  if (!upload || upload.accountId !== person.accountId) throw new NotFound("Загрузка не найдена");
  if (upload.status !== "open") {
    throw new Conflict("Этот файл уже использован: загрузите его заново", "upload_used", {
      [field]: "Этот файл уже использован: загрузите его заново",
    });
  }
  if (upload.expiresAt < Clock.nowIso()) {
    throw new Conflict("Время загрузки истекло: загрузите файл заново", "upload_expired", {
      [field]: "Время загрузки истекло: загрузите файл заново",
    });
  }
  const key = uploadKey(upload.id);
  const size = await sizeOf(key);
  if (size === undefined) throw new Invalid({ [field]: "Файл не загрузился: попробуйте ещё раз" });
  const refuse = async (error: VisibleError) => {
    await removeObject(key);
    await db()
      .entities.fileUpload.patch({ id: upload.id })
      .set({ status: "refused" })
      .where(({ status }, { eq }) => eq(status, "open"))
      .go()
      .catch(() => {});
    throw error;
  };
  if (size !== upload.size) {
    await refuse(new Invalid({ [field]: "Файл не того размера, что был заявлен: загрузите его заново" }));
  }
  const sniffed = await sniffDocument((offset, length) => readRange(key, offset, length), size);
  if (sniffed !== upload.contentType) {
    await refuse(
      new Invalid({
        [field]: `Содержимое файла — не ${documentLabel(upload.contentType)}: загрузите PDF, DOCX, XLSX, PPTX или ODT`,
      }),
    );
  }
  return upload;
}
