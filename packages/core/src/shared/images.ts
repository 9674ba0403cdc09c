/** Pictures people upload (organisation logos, listing photos): stored in the table as base64. */

export const imageTypes = ["image/png", "image/jpeg", "image/webp"] as const;
export type ImageType = (typeof imageTypes)[number];

/** 200 KB: enough for a logo or a phone photo scaled to 1280 px, and well inside DynamoDB's 400 KB item as base64. */
export const IMAGE_MAX_BYTES = 200 * 1024;

/** What the first bytes say the image is: the declared type must agree. */
export function sniffImage(bytes: Uint8Array): ImageType | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0x89 && ascii(1, 4) === "PNG") return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return undefined;
}

/** How an image is answered: cacheable, and never reinterpreted by the browser as something else. */
export const imageHeaders = (contentType: string, maxAgeSeconds: number) => ({
  "content-type": contentType,
  "cache-control": `public, max-age=${maxAgeSeconds}`,
  "x-content-type-options": "nosniff",
});
