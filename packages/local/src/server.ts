import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { config } from "@cluster/core/config";
import { recordFeedback } from "@cluster/core/digest/subscriptions";
import { app as accounts } from "@cluster/functions/accounts";
import { type AreaName, areas } from "@cluster/functions/areas";
import { app as auth } from "@cluster/functions/auth";
import { app as certificates } from "@cluster/functions/certificates";
import { app as consultations } from "@cluster/functions/consultations";
import { app as digests } from "@cluster/functions/digests";
import { app as eventDesk } from "@cluster/functions/event-desk";
import { app as eventEditor } from "@cluster/functions/event-editor";
import { app as events } from "@cluster/functions/events";
import { API_CSP, API_DOCS_PATH, isApiPath, securityHeaders, webCsp } from "@cluster/functions/http/headers";
import { feedbackOf } from "@cluster/functions/jobs/ses-feedback";
import { app as materials } from "@cluster/functions/materials";
import { app as members } from "@cluster/functions/members";
import { app as meta } from "@cluster/functions/meta";
import { app as reports } from "@cluster/functions/reports";
import { app as resources } from "@cluster/functions/resources";
import { app as responses } from "@cluster/functions/responses";
import { app as search } from "@cluster/functions/search";
import { serve } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { type Context, Hono } from "hono";
import { compress } from "hono/compress";

/** Each area's app, which carries full /api paths. */
const areaApps: Record<
  AreaName,
  { fetch: (request: Request, env: unknown) => Response | Promise<Response> }
> = {
  auth,
  accounts,
  members,
  resources,
  responses,
  consultations,
  certificates,
  eventEditor,
  eventDesk,
  events,
  materials,
  digests,
  reports,
  search,
  meta,
};

/** One API request and the response the portal sent, its body uncompressed. */
export interface ApiExchange {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}
export type ApiObserver = (exchange: ApiExchange) => void;

/**
 * The portal on one port: every area's app under /api, exactly as API Gateway routes them,
 * and the built frontend at / with the SPA's index.html for any other path.
 */
export function createPortalApp(webRoot: string, observe?: ApiObserver) {
  const root = new Hono();
  // The headers CloudFront adds in production (stacks/Web.ts), the SPA's CSP on its paths; set
  // outermost, on the response compress() has made, which kept only what the area apps had set.
  const siteCsp = webCsp(config().s3Endpoint ?? "");
  root.use((c, next) => securityHeaders(isApiPath(c.req.path) ? API_CSP : siteCsp)(c, next));
  root.use(compress());
  if (observe) {
    root.use("/api/*", async (c, next) => {
      await next();
      const body = new Uint8Array(await c.res.clone().arrayBuffer());
      const { method, path } = c.req;
      observe({ method, path, status: c.res.status, contentType: c.res.headers.get("content-type"), body });
    });
  }
  // A request reaches only its area's app, as API Gateway routes it to one function: mounted side
  // by side with route(), every app's middleware (session, CSRF) ran for the later apps' paths too.
  for (const { name, routes } of areas) {
    const app = areaApps[name];
    for (const route of routes) {
      const [method, path] = route.split(" ") as [string, string];
      const pattern = path.replace("{proxy+}", "*").replace(/\{(\w+)\}/g, ":$1");
      const forward = (c: Context) => app.fetch(c.req.raw, c.env);
      if (method === "ANY") root.all(pattern, forward);
      else root.on(method, pattern, forward);
    }
  }
  // What SNS delivers in production: post an SES bounce or complaint event here to simulate one.
  root.post("/local/ses-feedback", async (c) => {
    const feedback = feedbackOf(await c.req.json());
    if (!feedback)
      return c.json(
        { error: { code: "invalid", message: "Ожидается событие SES Bounce или Complaint" } },
        422,
      );
    return c.json(await recordFeedback(feedback));
  });
  // The API's reference page is the site's, as CloudFront's "/api/docs*" behaviour serves it.
  root.get(`${API_DOCS_PATH}/*`, serveStatic({ root: webRoot }));
  root.get(API_DOCS_PATH, serveStatic({ root: webRoot, path: `${API_DOCS_PATH}/index.html` }));
  root.all("/api/*", (c) => c.json({ error: { code: "not_found", message: "Нет такого адреса API" } }, 404));
  // Hashed file names: cached for good. Set on the answer itself, since serveStatic's onFound
  // runs after the response is made and a c.header() there never reached the browser.
  root.use("/assets/*", async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set("cache-control", "public, max-age=31536000, immutable");
  });
  root.use("/assets/*", serveStatic({ root: webRoot }));
  root.use("*", serveStatic({ root: webRoot }));
  const indexFile = join(webRoot, "index.html");
  root.get("*", (c) => {
    if (!existsSync(indexFile)) return c.text("Фронтенд не собран: npm run build:web", 503);
    c.header("cache-control", "no-cache");
    return c.html(readFileSync(indexFile, "utf8"));
  });
  return root;
}

export function listen(app: Hono, port: number, hostname = "0.0.0.0") {
  return new Promise<{ close: () => Promise<void> }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
    server.once("error", reject);
  });
}
