import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

/** s3rver's one account: the SDK signs with it, as with any S3-compatible service. */
export const localS3Credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

/**
 * The local S3 (ADR 026): s3rver, an S3 API over plain files, so the real S3 client and its
 * presigned URLs work as on AWS. The bucket lets the portal's origin PUT and GET from the
 * browser, as the Files stack's CORS rule does. Without `dataDir` its files go to a temporary
 * directory removed on stop.
 */
export async function startS3({
  port,
  bucket,
  dataDir,
  origin,
}: {
  port: number;
  bucket: string;
  dataDir?: string;
  origin: string;
}) {
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), "cluster-s3-"));
  mkdirSync(directory, { recursive: true });
  const cors =
    "<CORSConfiguration><CORSRule>" +
    `<AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedMethod>GET</AllowedMethod>` +
    "<AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3600</MaxAgeSeconds>" +
    "</CORSRule></CORSConfiguration>";
  const server = new S3rver({
    port,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [cors] }],
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    directory,
    stop: async () => {
      await server.close();
      if (!dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}
