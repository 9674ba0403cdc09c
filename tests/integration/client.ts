import { inject } from "vitest";

export const portalUrl = () => inject("portalUrl");

/** A browser-like API client: keeps the session cookie and sends Origin as a browser does. */
export class Client {
  cookie = "";

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${portalUrl()}${path}`, {
      method,
      headers: {
        origin: portalUrl(),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const [pair] = setCookie.split(";");
      this.cookie = pair?.endsWith("=") ? "" : (pair ?? "");
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    return { status: response.status, headers: response.headers, json };
  }

  /** A file as the raw body, as the browser uploads images. */
  async upload(method: "PUT" | "POST", path: string, bytes: Uint8Array, type: string) {
    const response = await fetch(`${portalUrl()}${path}`, {
      method,
      headers: { "content-type": type, cookie: this.cookie, origin: portalUrl() },
      body: bytes,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body ?? {});
  patch = (path: string, body: unknown) => this.request("PATCH", path, body);
  put = (path: string, body: unknown) => this.request("PUT", path, body);
  delete = (path: string) => this.request("DELETE", path);
}

interface SentEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function mailTo(email: string): Promise<SentEmail[]> {
  const response = await fetch(`${inject("sesUrl")}/store`);
  const { emails } = (await response.json()) as { emails: SentEmail[] };
  return emails.filter((mail) => mail.destination.to.includes(email));
}

export async function lastCode(email: string) {
  const mails = (await mailTo(email)).filter((mail) => mail.subject.startsWith("Код для входа"));
  const code = /(\d{6})/.exec(mails.at(-1)?.subject ?? "")?.[1];
  if (!code) throw new Error(`no login code mailed to ${email}`);
  return code;
}

let emailCounter = 0;
export const uniqueEmail = (prefix = "person") =>
  `${prefix}.${Date.now().toString(36)}.${++emailCounter}@test.example`;

/** Signs a new person up through the real code flow and returns their client. */
export async function signedIn(email = uniqueEmail(), name = "Проверка Тестовая") {
  const client = new Client();
  const requested = await client.post("/api/auth/code", { email });
  if (requested.status !== 202) throw new Error(`code request failed: ${JSON.stringify(requested.json)}`);
  const verified = await client.post("/api/auth/verify", { email, code: await lastCode(email) });
  if (verified.json.next === "sign-up") {
    const { consent } = await import("@cluster/core/reference");
    await client.post("/api/auth/signup", {
      signupToken: verified.json.signupToken,
      name,
      consent: true,
      consentVersion: consent.version,
    });
  }
  return Object.assign(client, { email });
}

export const COORDINATOR = "coordinator@test.example";

/**
 * The seeded coordinator, signed in through a session made by core: the code flow itself is
 * tested in auth.test.ts, and a second code for one email within 60 s is (rightly) refused.
 */
export async function asCoordinator() {
  const { db } = await import("@cluster/core/db/service");
  const { Auth } = await import("@cluster/core");
  const { data } = await db().entities.accountEmail.get({ email: COORDINATOR }).go();
  if (!data) throw new Error("the coordinator was not seeded");
  const client = new Client();
  client.cookie = `session=${await Auth.createSession(data.accountId)}`;
  return Object.assign(client, { email: COORDINATOR, accountId: data.accountId });
}
