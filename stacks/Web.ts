import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin, S3BucketOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { BlockPublicAccess, Bucket, BucketEncryption } from "aws-cdk-lib/aws-s3";
import { Duration, Fn, RemovalPolicy } from "aws-cdk-lib/core";
import { type StackContext, StaticSite, use } from "sst/constructs";
import {
  API_CSP,
  API_DOCS_PATH,
  HSTS_SECONDS,
  PERMISSIONS_POLICY,
  webCsp,
} from "../functions/src/http/headers";
import { Api } from "./Api";
import { Files } from "./Files";

/**
 * The SPA's client-side routes have no file behind them: a path whose last segment has no
 * extension gets index.html. Done at the viewer instead of with the distribution's error
 * responses, which would also replace the API's own 403 and 404 answers with index.html.
 * The API's reference page is its own document, at API_DOCS_PATH with or without a slash.
 */
const spaRouting = `
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === "${API_DOCS_PATH}" || uri === "${API_DOCS_PATH}/") request.uri = "${API_DOCS_PATH}/index.html";
  else if (uri.split("/").pop().indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

/**
 * The security headers of functions/src/http/headers.ts, added by CloudFront to every answer of
 * one behaviour: the site's files get the SPA's policy, the API its own (the same the Lambda
 * sends, which an error answered by CloudFront itself would lack), and both get HSTS.
 */
function securityHeadersPolicy(stack: StackContext["stack"], id: string, contentSecurityPolicy: string) {
  return new ResponseHeadersPolicy(stack, id, {
    comment: `Security headers: ${id}`,
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(HSTS_SECONDS),
        includeSubdomains: true,
        override: true,
      },
    },
    customHeadersBehavior: {
      customHeaders: [
        { header: "Permissions-Policy", value: PERMISSIONS_POLICY, override: true },
        { header: "Cross-Origin-Opener-Policy", value: "same-origin", override: true },
      ],
    },
  });
}

export function Web({ stack }: StackContext) {
  const { api } = use(Api);
  const { filesOrigin } = use(Files);

  // The site's bucket is made here, not by StaticSite, so that one origin (with origin access
  // control) can serve both the default behaviour and the API's reference page under /api.
  const bucket = new Bucket(stack, "SiteBucket", {
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    encryption: BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // The build's output, uploaded again on every deploy: nothing in it to keep.
    autoDeleteObjects: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const siteFiles = S3BucketOrigin.withOriginAccessControl(bucket);
  const siteHeaders = securityHeadersPolicy(stack, "SiteHeaders", webCsp(filesOrigin));
  const routing = [
    {
      function: new CloudFrontFunction(stack, "SpaRouting", {
        code: FunctionCode.fromInline(spaRouting),
        runtime: FunctionRuntime.JS_2_0,
      }),
      eventType: FunctionEventType.VIEWER_REQUEST,
    },
  ];

  const site = new StaticSite(stack, "Site", {
    path: "frontend",
    buildCommand: "npm run build",
    buildOutput: "dist",
    // The frontend reads no build-time variables, so SST's generated Vite env types stay out
    // of its sources.
    vite: { types: "../.sst/frontend-env.d.ts" },
    cdk: {
      bucket,
      distribution: {
        errorResponses: [],
        defaultBehavior: {
          origin: siteFiles,
          responseHeadersPolicy: siteHeaders,
          functionAssociations: routing,
        },
        // One origin for the page and /api keeps the SameSite=Lax session cookie first-party.
        // CloudFront takes the first pattern that matches: the reference page before the API.
        additionalBehaviors: {
          [`${API_DOCS_PATH}*`]: {
            origin: siteFiles,
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            responseHeadersPolicy: siteHeaders,
            functionAssociations: routing,
          },
          "/api/*": {
            origin: new HttpOrigin(Fn.select(2, Fn.split("/", api.url))),
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
            responseHeadersPolicy: securityHeadersPolicy(stack, "ApiHeaders", API_CSP),
          },
        },
      },
    },
  });

  stack.addOutputs({ SiteUrl: site.url, ApiUrl: api.url });

  return { site };
}
