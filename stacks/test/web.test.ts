import { runInNewContext } from "node:vm";
import type { Template } from "aws-cdk-lib/assertions";
import { AllowedMethods, CachePolicy, OriginRequestPolicy } from "aws-cdk-lib/aws-cloudfront";
import { beforeAll, describe, expect, it } from "vitest";
import { Web } from "../Web";
import { synthesize, templateOf } from "./synthesize";

interface DistributionConfig {
  Origins: { Id: string; DomainName: unknown; CustomOriginConfig?: { OriginProtocolPolicy: string } }[];
  CacheBehaviors: Record<string, unknown>[];
  DefaultCacheBehavior: {
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

  it("outputs the site and API URLs", () => {
    expect(Object.keys(template.findOutputs("*"))).toEqual(expect.arrayContaining(["SiteUrl", "ApiUrl"]));
  });
});
