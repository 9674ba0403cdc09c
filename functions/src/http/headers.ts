import { config } from "@cluster/core/config";
import type { MiddlewareHandler } from "hono";

/**
 * The portal's security headers, in one place for the API (this middleware), the local server
 * (packages/local) and CloudFront's response headers policy (stacks/Web.ts), so all three send
 * the same values. Kept as plain strings: every Lambda bundle carries them (budget 300 KB).
 */

/** JSON, images and downloads: nothing in them may load, run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The SPA: its own scripts and styles only (no inline scripts or style attributes: Solid sets
 * styles through the CSSOM), data:/blob: images for photo and logo previews, the API on the same
 * origin, and the files bucket the browser uploads documents to (ADR 026).
 */
export const webCsp = (filesOrigin: string) =>
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  `font-src 'self'; connect-src 'self' ${filesOrigin}; object-src 'none'; frame-ancestors 'none'; ` +
  "base-uri 'self'; form-action 'self'";

/**
 * The API's reference page: the site's static files (Swagger UI), under /api so an integrator
 * finds it beside /api/openapi.json, with the site's policy, not the API's.
 */
export const API_DOCS_PATH = "/api/docs";

/** Whether a path is the API's (its CSP and routing) rather than the site's. */
export const isApiPath = (path: string) =>
  path.startsWith("/api/") && path !== API_DOCS_PATH && !path.startsWith(`${API_DOCS_PATH}/`);

/** Two years with subdomains, as the HSTS preload list expects; sent only in production over https. */
export const HSTS = "max-age=63072000; includeSubDomains";
export const HSTS_SECONDS = 63_072_000;
export const REFERRER_POLICY = "strict-origin-when-cross-origin";
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/** Every header but HSTS, for a response whose body is described by `csp`. */
export const securityHeaderValues = (csp: string, hsts: boolean): Record<string, string> => ({
  "content-security-policy": csp,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": REFERRER_POLICY,
  "permissions-policy": PERMISSIONS_POLICY,
  "cross-origin-opener-policy": "same-origin",
  ...(hsts ? { "strict-transport-security": HSTS } : {}),
});

/** HSTS once the portal is served over https: deployed, or a local PUBLIC_URL that says so. */
export const wantsHsts = () => config().production || config().publicUrl.startsWith("https://");

/**
 * Sets the headers on every response of the app, errors and not-found answers included. They
 * replace what an inner handler set: the local server wraps the area apps (whose middleware runs
 * for every path once mounted) and gives the SPA's paths the SPA's policy this way.
 */
export const securityHeaders =
  (csp = API_CSP): MiddlewareHandler =>
  async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaderValues(csp, wantsHsts()))) {
      c.res.headers.set(name, value);
    }
  };
