import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { config } from "../config";

/**
 * The files bucket (the Files stack; locally s3rver, ADR 026). Only the areas that keep files
 * import this module: the S3 client and its presigner stay out of every other function.
 */
let client: S3Client | undefined;

export function s3(): S3Client {
  if (!client) {
    const { region, s3Endpoint, s3Credentials } = config();
    client = new S3Client({
      region,
      ...(s3Endpoint ? { endpoint: s3Endpoint, forcePathStyle: true } : {}),
      ...(s3Credentials ? { credentials: s3Credentials } : {}),
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 10_000 },
    });
  }
  return client;
}

const bucket = () => config().filesBucket;

/** How long a browser may take to start an upload, and a download link lives. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/**
 * A URL the browser PUTs the file to: its type and size are signed, so S3 refuses another
 * (s3rver does not check signatures: the portal checks the stored object before it takes it).
 */
export function uploadUrl(key: string, contentType: string, size: number) {
  return getSignedUrl(
    s3(),
    new PutObjectCommand({ Bucket: bucket(), Key: key, ContentType: contentType, ContentLength: size }),
    { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(["content-type", "content-length"]) },
  );
}

/** A short-lived link that downloads the object under the name a person gave it. */
export function downloadUrl(key: string, fileName: string, contentType: string) {
  return getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: bucket(),
      Key: key,
      ResponseContentType: contentType,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    }),
    { expiresIn: DOWNLOAD_URL_SECONDS },
  );
}

/** The stored object's size, or undefined when nothing was uploaded there. */
export async function sizeOf(key: string): Promise<number | undefined> {
  try {
    const head = await s3().send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return head.ContentLength;
  } catch (error) {
    if ((error as { name?: string }).name === "NotFound" || (error as { name?: string }).name === "NoSuchKey")
      return undefined;
    throw error;
  }
}

/** `length` bytes of the object from `offset`: enough to tell its type without reading 20 MB. */
export async function readRange(key: string, offset: number, length: number) {
  const object = await s3().send(
    new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=${offset}-${offset + length - 1}` }),
  );
  return object.Body!.transformToByteArray();
}

export async function copyObject(from: string, to: string, contentType: string) {
  await s3().send(
    new CopyObjectCommand({
      Bucket: bucket(),
      CopySource: `${bucket()}/${from.split("/").map(encodeURIComponent).join("/")}`,
      Key: to,
      ContentType: contentType,
      MetadataDirective: "REPLACE",
    }),
  );
}

export async function removeObject(key: string) {
  await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}
