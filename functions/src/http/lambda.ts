/**
 * API Gateway HTTP API (payload 2.0) → the area's hono app → the Lambda result. Ours instead of
 * `hono/aws-lambda`, which also speaks REST APIs, ALB, Lattice and streaming: 4 KB of every
 * bundle for formats this portal never receives (ADR 009).
 */
export interface HttpApiEvent {
  rawPath: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { domainName?: string; http: { method: string; sourceIp?: string } };
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

/** Bodies API Gateway may pass as text; anything else (images, XLSX) travels base64-encoded. */
const textual = /^(text\/|application\/(json|xml|javascript)|[^;]*\+(json|xml))/i;

type FetchApp = { fetch: (request: Request, env: unknown) => Response | Promise<Response> };

export function handle(app: FetchApp) {
  return async (event: HttpApiEvent, lambdaContext?: unknown): Promise<HttpApiResult> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(event.headers ?? {})) {
      if (value !== undefined) headers.set(name, value);
    }
    // Payload 2.0 moves Cookie headers into `cookies`.
    if (event.cookies?.length) headers.set("cookie", event.cookies.join("; "));
    const { method } = event.requestContext.http;
    const host = headers.get("host") ?? event.requestContext.domainName ?? "localhost";
    const query = event.rawQueryString ? `?${event.rawQueryString}` : "";
    const hasBody = event.body !== undefined && event.body !== "" && method !== "GET" && method !== "HEAD";
    const request = new Request(`https://${host}${event.rawPath}${query}`, {
      method,
      headers,
      body: hasBody ? (event.isBase64Encoded ? Buffer.from(event.body!, "base64") : event.body) : undefined,
    });
    const response = await app.fetch(request, { event, requestContext: event.requestContext, lambdaContext });

    const result: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") result[name] = value;
    });
    const cookies = response.headers.getSetCookie();
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get("content-type");
    const binary = Boolean(type) && !textual.test(type!);
    return {
      statusCode: response.status,
      headers: result,
      ...(cookies.length ? { cookies } : {}),
      body: bytes.toString(binary ? "base64" : "utf8"),
      isBase64Encoded: binary,
    };
  };
}
