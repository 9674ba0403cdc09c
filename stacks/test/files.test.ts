import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { Files } from "../Files";
import { publicUrl } from "../settings";
import { synthesize, templateOf } from "./synthesize";

describe("Files stack", () => {
  let template: Template;
  let bucket: { Properties: Record<string, unknown> };

  beforeAll(async () => {
    await synthesize("test");
    template = templateOf(Files);
    const buckets = Object.values(template.findResources("AWS::S3::Bucket"));
    expect(buckets).toHaveLength(1);
    bucket = buckets[0] as typeof bucket;
  });

  it("keeps the bucket private, encrypted and versioned (a replaced file keeps its earlier bytes)", () => {
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
    });
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: "Enabled" });
  });

  it("lets only the portal's origin PUT and GET from the browser", () => {
    expect(bucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: [publicUrl()],
          AllowedMethods: ["PUT", "GET"],
          AllowedHeaders: ["content-type"],
          MaxAge: 3600,
        },
      ],
    });
  });

  it("drops uploads never taken after a day, and refuses plain HTTP", () => {
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: "uploads/", ExpirationInDays: 1, Status: "Enabled" }),
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } }),
      ]),
    );
    const policy = Object.values(template.findResources("AWS::S3::BucketPolicy"))[0] as {
      Properties: { PolicyDocument: { Statement: { Effect: string; Condition?: unknown }[] } };
    };
    expect(policy.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
      ]),
    );
  });
});
