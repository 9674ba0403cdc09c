import { IMAGE_MAX_BYTES, type ImageType, imageTypes } from "@cluster/core/shared/images";

/** Picking images to upload (logos, listing photos) and the checks before sending them. */

export const imageAccept = ".png,.jpg,.jpeg,.webp,image/png,image/jpeg,image/webp";
export const imageHint = "PNG, JPEG или WebP, до 200 КБ";

const byExtension: Record<string, ImageType> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
};

/** Types some systems report instead of the standard ones. */
const aliases: Record<string, ImageType> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/x-png": "image/png",
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} КБ`;
  return `${(bytes / (1024 * 1024)).toLocaleString("ru-RU", { maximumFractionDigits: 1 })} МБ`;
}

/** The type the file is, by the browser or, when it does not know, by the extension. */
function typeOf(file: File): ImageType | undefined {
  const declared = file.type.toLowerCase();
  const extension = file.name.includes(".") ? (file.name.split(".").pop()?.toLowerCase() ?? "") : "";
  if ((imageTypes as readonly string[]).includes(declared)) return declared as ImageType;
  return (
    aliases[declared] ??
    (declared === "" || declared === "application/octet-stream" ? byExtension[extension] : undefined)
  );
}

/** The type to upload the file as, or what is wrong with it. */
export function checkImage(file: File): { type: ImageType } | { error: string } {
  const type = typeOf(file);
  if (!type) return { error: "Этот формат не подходит. Выберите изображение PNG, JPEG или WebP." };
  if (file.size === 0) return { error: "Файл пустой. Выберите другое изображение." };
  if (file.size > IMAGE_MAX_BYTES) {
    return {
      error: `Файл весит ${formatSize(file.size)}, а можно не больше 200 КБ. Уменьшите изображение или сохраните его в формате WebP или JPEG.`,
    };
  }
  return { type };
}

const PHOTO_SIDE = 1280;

/**
 * A phone photo made small enough to upload: at most 1280 px on the long side, JPEG, with the
 * quality lowered step by step until it fits 200 KB. Files that already fit go as they are.
 */
export async function shrinkPhoto(file: File): Promise<{ blob: Blob; type: ImageType } | { error: string }> {
  const type = typeOf(file);
  if (!type) return { error: "Этот формат не подходит. Выберите фотографию JPEG, PNG или WebP." };
  if (file.size > 0 && file.size <= IMAGE_MAX_BYTES) return { blob: file, type };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { error: "Не удалось прочитать изображение. Выберите другую фотографию." };
  }
  const scale = Math.min(1, PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.55, 0.4]) {
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", quality));
    if (blob && blob.size <= IMAGE_MAX_BYTES) return { blob, type: "image/jpeg" };
  }
  return { error: "Фотография слишком подробная даже после сжатия. Выберите другую." };
}
