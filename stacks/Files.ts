import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from "aws-cdk-lib/aws-s3";
import { Duration, RemovalPolicy } from "aws-cdk-lib/core";
import type { StackContext } from "sst/constructs";
import { isProduction, publicUrl } from "./settings";

/**
 * The private bucket of uploaded documents (ADR 026). Browsers PUT to `uploads/` with presigned
 * URLs and GET with short-lived signed ones; only the materials function reads and writes it.
 */
export function Files({ app, stack }: StackContext) {
  const production = isProduction(app.stage);
  const bucket = new Bucket(stack, "FilesBucket", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    cors: [
      {
        allowedOrigins: [publicUrl()],
        allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
        allowedHeaders: ["content-type"],
        maxAge: 3600,
      },
    ],
    lifecycleRules: [
      // An upload is copied to its material's key once checked: what is left here was never taken.
      { id: "unfinished-uploads", prefix: "uploads/", expiration: Duration.days(1) },
      { id: "unfinished-multipart", abortIncompleteMultipartUploadAfter: Duration.days(1) },
    ],
    removalPolicy: production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    autoDeleteObjects: !production,
  });
  return { bucket, filesOrigin: `https://${bucket.bucketRegionalDomainName}` };
}
