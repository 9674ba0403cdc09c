import { runInNewContext } from "node:vm";
import type { Template } from "aws-cdk-lib/assertions";
import { AllowedMethods, CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { beforeAll, describe, expect, it } from "vitest";
import {
  API_CSP,
  API_DOCS_PATH,
  HSTS_SECONDS,
  PERMISSIONS_POLICY,
  webCsp,
} from "../../functions/src/http/headers";
import { Web } from "../Web";
import { synthesize, templateOf } from "./synthesize";

interface DistributionConfig {
  Origins: {
    Id: string;
    DomainName: unknown;
    CustomOriginConfig?: { OriginProtocolPolicy: string };
    OriginAccessControlId?: unknown;
  }[];
  CacheBehaviors: Record<string, unknown>[];
  DefaultCacheBehavior: {
    TargetOriginId: string;
    ResponseHeadersPolicyId?: { Ref: string };
    FunctionAssociations: { EventType: string; FunctionARN: { "Fn::GetAtt": [string] } }[];
  };
  CustomErrorResponses?: unknown;
}

describe("Web stack", () => {
  /** The viewer-request function of a behaviour, run as CloudFront would: the URI it asks S3 for. */
  const routingOf = (association: { FunctionARN: { "Fn::GetAtt": [string] } }) => {
    const code =
      template.toJSON().Resources[association.FunctionARN["Fn::GetAtt"][0]].Properties.FunctionCode;
    const handler = runInNewContext(`${code}\nhandler`);
    return (uri: string): string => handler({ request: { uri } }).uri;
  };

  let template: Template;
  let distribution: DistributionConfig;

  beforeAll(async () => {
    await synthesize("test");
    template = templateOf(Web);
    const [resource] = Object.values(template.findResources("AWS::CloudFront::Distribution"));
    distribution = resource?.Properties.DistributionConfig;
  });

  it("sends /api/* to the HTTP API uncached, with everything but the Host header", () => {
    const api = distribution.CacheBehaviors.find((behavior) => behavior.PathPattern === "/api/*");
    expect(api).toMatchObject({
      AllowedMethods: AllowedMethods.ALLOW_ALL.methods,
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: "redirect-to-https",
    });
    const origin = distribution.Origins.find((candidate) => candidate.Id === api?.TargetOriginId);
    expect(origin?.CustomOriginConfig?.OriginProtocolPolicy).toBe("https-only");
    expect(JSON.stringify(origin?.DomainName)).toMatch(
      /^\{"Fn::Select":\[2,\{"Fn::Split":\["\/",.*ApiEndpoint/,
    );
  });

  it("leaves the API's error responses alone", () => {
    expect(distribution.CustomErrorResponses).toBeUndefined();
  });

  it("serves index.html for the app's routes and files as they are", () => {
    const [association, ...others] = distribution.DefaultCacheBehavior.FunctionAssociations;
    expect(others).toEqual([]);
    expect(association?.EventType).toBe("viewer-request");
    const uriFor = routingOf(association!);
    expect(uriFor("/")).toBe("/index.html");
    expect(uriFor("/members/01J0000000000000000000000")).toBe("/index.html");
    expect(uriFor("/assets/index-Bx1.js")).toBe("/assets/index-Bx1.js");
    expect(uriFor("/favicon.ico")).toBe("/favicon.ico");
  });

  it("serves the API's reference page from the site's files, matched before /api/*", () => {
    const patterns = distribution.CacheBehaviors.map((behavior) => behavior.PathPattern);
    expect(patterns.indexOf(`${API_DOCS_PATH}*`)).toBeGreaterThanOrEqual(0);
    expect(patterns.indexOf(`${API_DOCS_PATH}*`)).toBeLessThan(patterns.indexOf("/api/*"));
    const docs = distribution.CacheBehaviors.find(
      (behavior) => behavior.PathPattern === `${API_DOCS_PATH}*`,
    ) as {
      TargetOriginId: string;
      ViewerProtocolPolicy: string;
      ResponseHeadersPolicyId: unknown;
      FunctionAssociations: DistributionConfig["DefaultCacheBehavior"]["FunctionAssociations"];
    };
    expect(docs.TargetOriginId).toBe(distribution.DefaultCacheBehavior.TargetOriginId);
    expect(docs.ViewerProtocolPolicy).toBe("redirect-to-https");
    expect(docs.ResponseHeadersPolicyId).toEqual(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId);
    const uriFor = routingOf(docs.FunctionAssociations[0]!);
    expect(uriFor(API_DOCS_PATH)).toBe(`${API_DOCS_PATH}/index.html`);
    expect(uriFor(`${API_DOCS_PATH}/`)).toBe(`${API_DOCS_PATH}/index.html`);
    expect(uriFor("/assets/apiDocs-Bx1.js")).toBe("/assets/apiDocs-Bx1.js");
  });

  it("reads the site's files from a private bucket through origin access control", () => {
    const siteOrigin = distribution.Origins.find(
      (origin) => origin.Id === distribution.DefaultCacheBehavior.TargetOriginId,
    );
    expect(siteOrigin?.OriginAccessControlId).toBeTruthy();
    expect(distribution.Origins.filter((origin) => !origin.CustomOriginConfig)).toHaveLength(1);
    template.resourceCountIs("AWS::CloudFront::CloudFrontOriginAccessIdentity", 0);
    template.resourceCountIs("AWS::S3::Bucket", 1);
    template.hasResourceProperties("AWS::S3::Bucket", {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: "AES256" } }],
      },
    });
  });

  it("adds the security headers to the site's files and to the API's answers, HSTS included", () => {
    const policyOf = (behavior: { ResponseHeadersPolicyId?: { Ref: string } } | undefined) => {
      const id = behavior?.ResponseHeadersPolicyId?.Ref;
      expect(id, "a response headers policy on the behaviour").toBeTruthy();
      return template.toJSON().Resources[id!].Properties.ResponseHeadersPolicyConfig;
    };
    const api = distribution.CacheBehaviors.find((behavior) => behavior.PathPattern === "/api/*") as
      | { ResponseHeadersPolicyId?: { Ref: string } }
      | undefined;
    // The site's policy names the files bucket, known only at deploy: a join around its domain.
    const sitePolicy = policyOf(distribution.DefaultCacheBehavior);
    const written = sitePolicy.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const parts = (written as { "Fn::Join": [string, unknown[]] })["Fn::Join"][1];
    const siteCsp = parts.map((part) => (typeof part === "string" ? part : "<files bucket>")).join("");
    expect(siteCsp).toBe(webCsp("https://<files bucket>"));
    expect(JSON.stringify(parts.find((part) => typeof part !== "string"))).toMatch(
      /FilesBucket.*RegionalDomainName/,
    );
    for (const [policy, csp] of [
      [sitePolicy, written],
      [policyOf(api), API_CSP],
    ] as const) {
      expect(policy.SecurityHeadersConfig).toEqual({
        ContentSecurityPolicy: { ContentSecurityPolicy: csp, Override: true },
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: "DENY", Override: true },
        ReferrerPolicy: { ReferrerPolicy: "strict-origin-when-cross-origin", Override: true },
        StrictTransportSecurity: {
          AccessControlMaxAgeSec: HSTS_SECONDS,
          IncludeSubdomains: true,
          Override: true,
        },
      });
      expect(policy.CustomHeadersConfig.Items).toEqual(
        expect.arrayContaining([
          { Header: "Permissions-Policy", Value: PERMISSIONS_POLICY, Override: true },
          { Header: "Cross-Origin-Opener-Policy", Value: "same-origin", Override: true },
        ]),
      );
    }
    expect(siteCsp).toContain("script-src 'self';");
    expect(siteCsp).not.toContain("unsafe-inline");
    expect(siteCsp).toContain("frame-ancestors 'none'");
  });

  it("outputs the site and API URLs", () => {
    expect(Object.keys(template.findOutputs("*"))).toEqual(expect.arrayContaining(["SiteUrl", "ApiUrl"]));
  });
});
