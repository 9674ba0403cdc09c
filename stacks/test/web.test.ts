import { runInNewContext } from "node:vm";
import type { Template } from "aws-cdk-lib/assertions";
import { AllowedMethods, CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { beforeAll, describe, expect, it } from "vitest";
import { API_CSP, HSTS_SECONDS, PERMISSIONS_POLICY, WEB_CSP } from "../../functions/src/http/headers";
import { Web } from "../Web";
import { synthesize, templateOf } from "./synthesize";

interface DistributionConfig {
  Origins: { Id: string; DomainName: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string } }[];
  CacheBehaviors: Record<string, unknown>[];
  DefaultCacheBehavior: {
    ResponseHeadersPolicyId?: { Ref: string };
    FunctionAssociations: { EventType: string; FunctionARN: { "Fn::GetAtt": [string] } }[];
  };
  CustomErrorResponses?: unknown;
}

describe("Web stack", () => {
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
    const code =
      template.toJSON().Resources[association!.FunctionARN["Fn::GetAtt"][0]].Properties.FunctionCode;
    const handler = runInNewContext(`${code}\nhandler`);
    const uriFor = (uri: string) => handler({ request: { uri } }).uri;
    expect(uriFor("/")).toBe("/index.html");
    expect(uriFor("/members/01J0000000000000000000000")).toBe("/index.html");
    expect(uriFor("/assets/index-Bx1.js")).toBe("/assets/index-Bx1.js");
    expect(uriFor("/favicon.ico")).toBe("/favicon.ico");
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
    for (const [policy, csp] of [
      [policyOf(distribution.DefaultCacheBehavior), WEB_CSP],
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
    expect(WEB_CSP).toContain("script-src 'self';");
    expect(WEB_CSP).not.toContain("unsafe-inline");
    expect(WEB_CSP).toContain("frame-ancestors 'none'");
  });

  it("outputs the site and API URLs", () => {
    expect(Object.keys(template.findOutputs("*"))).toEqual(expect.arrayContaining(["SiteUrl", "ApiUrl"]));
  });
});
