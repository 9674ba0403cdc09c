import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from "aws-cdk-lib/aws-cloudfront";
import { HttpOrigin } from "aws-cdk-lib/aws-cloudfront-origins";
import { Fn } from "aws-cdk-lib/core";
import { type StackContext, StaticSite, use } from "sst/constructs";
import { Api } from "./Api";

/**
 * The SPA's client-side routes have no file behind them: a path whose last segment has no
 * extension gets index.html. Done at the viewer instead of with the distribution's error
 * responses, which would also replace the API's own 403 and 404 answers with index.html.
 */
const spaRouting = `
function handler(event) {
  var request = event.request;
  if (request.uri.split("/").pop().indexOf(".") === -1) request.uri = "/index.html";
  return request;
}`;

export function Web({ stack }: StackContext) {
  const { api } = use(Api);

  const site = new StaticSite(stack, "Site", {
    path: "frontend",
    buildCommand: "npm run build",
    buildOutput: "dist",
    // The frontend reads no build-time variables, so SST's generated Vite env types stay out
    // of its sources.
    vite: { types: "../.sst/frontend-env.d.ts" },
    cdk: {
      distribution: {
        errorResponses: [],
        defaultBehavior: {
          functionAssociations: [
            {
              function: new CloudFrontFunction(stack, "SpaRouting", {
                code: FunctionCode.fromInline(spaRouting),
                runtime: FunctionRuntime.JS_2_0,
              }),
              eventType: FunctionEventType.VIEWER_REQUEST,
            },
          ],
        },
        // One origin for the page and /api keeps the SameSite=Lax session cookie first-party.
        additionalBehaviors: {
          "/api/*": {
            origin: new HttpOrigin(Fn.select(2, Fn.split("/", api.url))),
            allowedMethods: AllowedMethods.ALLOW_ALL,
            cachePolicy: CachePolicy.CACHING_DISABLED,
            originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          },
        },
      },
    },
  });

  stack.addOutputs({ SiteUrl: site.url, ApiUrl: api.url });

  return { site };
}
