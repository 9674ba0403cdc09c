import { Invalid, VisibleError } from "../errors";
import { IMAGE_MAX_BYTES, type ImageType, sniffImage } from "./images";

/**
 * An uploaded image as the table keeps it: within 200 KB, and of the type its bytes say, which
 * must be the type it was sent as. `field` is the form field a refusal is said on; `tooLarge`
 * the sentence of a 413 (a logo, a photo, a cover).
 */
export function uploadedImage(
  bytes: Uint8Array,
  declared: string,
  field: string,
  tooLarge: string,
): { contentType: ImageType; data: string } {
  if (bytes.byteLength > IMAGE_MAX_BYTES) {
    throw new VisibleError("too_large", tooLarge, 413, { [field]: "Не больше 200 КБ" });
  }
  const sniffed = sniffImage(bytes);
  if (!sniffed || sniffed !== declared)
    throw new Invalid({ [field]: "Загрузите изображение PNG, JPEG или WebP" });
  return { contentType: sniffed, data: Buffer.from(bytes).toString("base64") };
}
