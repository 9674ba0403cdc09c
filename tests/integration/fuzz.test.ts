import { createHash } from "node:crypto";
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { areaOperations } from "@cluster/functions/contracts/index";
import type { Operation } from "@cluster/functions/http/operation";
import fc from "fast-check";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { tinyPng } from "../fixtures/images";
import { lastCode, uniqueEmail } from "./client";
import { application, listing } from "./fixtures";
import { arbitraryOf, mutatedJson, mutatedQuery } from "./zod-arbitrary";

/**
 * Property-based fuzzing of every operation of the route table: bodies, query strings and path
 * ids generated from the operation's own zod schemas, then mutated (wrong types, missing fields,
 * huge and unicode strings, nulls, extra and prototype-polluting keys, deep nesting). Properties:
 * no 5xx; every 4xx is `{ error: { code, message, fields? } }`; a batch answered only with 4xx
 * leaves the table exactly as it was; no request pollutes Object.prototype.
 *
 * The fuzzer runs the portal's app in this process against a table of its own (in the shared
 * DynamoDB Local), so other test files' writes cannot disturb the table invariant, and its
 * writes cannot disturb theirs. FUZZ_RUNS sets the cases per operation (npm run fuzz: 2000).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const BATCH = 50;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const ORIGIN = "http://fuzz.test";

// biome-ignore lint/suspicious/noExplicitAny: the app is loaded after the config is set
let app: { request: (url: string, init?: RequestInit) => Promise<Response> | Response } = undefined as any;
let dynamo: DynamoDBClient;
const tableName = `cluster-fuzz-${process.pid}`;

interface Actors {
  member: string;
  other: string;
  coordinator: string;
}
let cookies: Actors;
let ids: Record<string, string[]>;

async function call(
  method: string,
  path: string,
  init: { body?: RequestInit["body"]; type?: string; cookie?: string } = {},
) {
  const response = await app.request(`${ORIGIN}${path}`, {
    method,
    headers: {
      origin: ORIGIN,
      ...(init.type ? { "content-type": init.type } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
    },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, text, cookie: response.headers.get("set-cookie")?.split(";")[0] };
}

const json = async (method: string, path: string, body: unknown, cookie?: string) => {
  const answer = await call(method, path, { body: JSON.stringify(body), type: "application/json", cookie });
  if (answer.status >= 400) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text || "null");
};

async function signUp(name: string) {
  const email = uniqueEmail("fuzz");
  await json("POST", "/api/auth/code", { email });
  const verified = await call("POST", "/api/auth/verify", {
    body: JSON.stringify({ email, code: await lastCode(email) }),
    type: "application/json",
  });
  const { consent } = await import("@cluster/core/reference");
  const signed = await call("POST", "/api/auth/signup", {
    body: JSON.stringify({
      signupToken: JSON.parse(verified.text).signupToken,
      name,
      consent: true,
      consentVersion: consent.version,
    }),
    type: "application/json",
  });
  if (!signed.cookie) throw new Error(`sign-up failed: ${signed.text}`);
  return signed.cookie;
}

/** What the table holds, reduced to a digest: every key with its version and update time. */
async function tableDigest() {
  const hash = createHash("sha256");
  let count = 0;
  let start: Record<string, never> | undefined;
  const lines: string[] = [];
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: tableName,
        ExclusiveStartKey: start,
        ProjectionExpression: "pk, sk, #v, updatedAt, #s, #e",
        ExpressionAttributeNames: { "#v": "version", "#s": "status", "#e": "__edb_e__" },
      }),
    );
    for (const item of page.Items ?? []) {
      const entity = item.__edb_e__?.S ?? "";
      // Refusals may count attempts: wrong login codes and rate limits are written by design.
      if (["loginCode", "rateLimit", "session"].includes(entity)) continue;
      lines.push(JSON.stringify(item));
      count++;
    }
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  for (const line of lines.sort()) hash.update(line);
  return { count, digest: hash.digest("hex") };
}

/** The items of the table, counted without attempt counters (a cheap check for every batch). */
async function tableCount() {
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await dynamo.send(
      new ScanCommand({
        TableName: tableName,
        Select: "COUNT",
        ExclusiveStartKey: start,
        FilterExpression: "NOT (#e IN (:code, :limit, :session))",
        ExpressionAttributeNames: { "#e": "__edb_e__" },
        ExpressionAttributeValues: {
          ":code": { S: "loginCode" },
          ":limit": { S: "rateLimit" },
          ":session": { S: "session" },
        },
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  return count;
}

beforeAll(async () => {
  const { readConfig, setConfig } = await import("@cluster/core/config");
  setConfig({ ...readConfig(process.env), tableName, publicUrl: ORIGIN, production: false });
  dynamo = new DynamoDBClient({
    endpoint: inject("dynamoEndpoint"),
    region: "local",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const { ensureTable } = await import("../../packages/local/src/dynamodb");
  await ensureTable(dynamo, tableName);
  const { seedDemo } = await import("../../packages/local/src/seed");
  const { coordinator } = await seedDemo();
  const { createPortalApp } = await import("../../packages/local/src/server");
  app = createPortalApp(".");

  const { db } = await import("@cluster/core/db/service");
  const { Auth } = await import("@cluster/core");
  const boss = (await db().entities.accountEmail.get({ email: coordinator }).go()).data!;
  const coordinatorCookie = `session=${await Auth.createSession(boss.accountId)}`;
  const member = await signUp("Участник Фаззинга");
  const other = await signUp("Другой Участник");
  const target = await signUp("Цель Проверки");
  cookies = { member, other, coordinator: coordinatorCookie };

  const organisation = await json("POST", "/api/members", application(), member);
  await json("POST", `/api/members/${organisation.id}/approve`, { version: 1 }, coordinatorCookie);
  await call("PUT", `/api/members/${organisation.id}/logo`, {
    body: tinyPng,
    type: "image/png",
    cookie: member,
  });
  const offer = await json("POST", "/api/resources", listing({ organisationId: organisation.id }), member);
  const withPhoto = await call("POST", `/api/resources/${offer.id}/photos`, {
    body: tinyPng,
    type: "image/png",
    cookie: member,
  });
  await json("POST", `/api/resources/${offer.id}/publish`, { version: 2 }, member);
  const otherOrganisation = await json("POST", "/api/members", application(), other);
  await json("POST", `/api/members/${otherOrganisation.id}/approve`, { version: 1 }, coordinatorCookie);
  const response = await json(
    "POST",
    "/api/responses",
    {
      listingId: offer.id,
      organisationId: otherOrganisation.id,
      message: "Нам бы пригодился зал для встречи.",
      quantity: 1,
    },
    other,
  );
  const question = await json(
    "POST",
    "/api/consultations",
    {
      topic: "legal",
      title: "Нужен ли договор с волонтёром?",
      text: "Мы привлекаем волонтёров к акциям. Нужен ли письменный договор?",
      visibility: "private",
    },
    member,
  );
  await json("POST", `/api/consultations/${question.id}/take`, { version: 1 }, coordinatorCookie);
  const answered = await json(
    "POST",
    `/api/consultations/${question.id}/answers`,
    { text: "Не обязателен, но полезен." },
    coordinatorCookie,
  );
  const material = await json(
    "POST",
    "/api/materials",
    {
      kind: "link",
      title: "Формы отчётности НКО",
      summary: "Официальная страница Минюста о формах отчётности некоммерческих организаций.",
      topic: "registration",
      url: "https://minjust.gov.ru",
      organisationId: organisation.id,
    },
    member,
  );
  const targetAccount = JSON.parse((await call("GET", "/api/auth/session", { cookie: target })).text).account;
  ids = {
    members: [organisation.id, otherOrganisation.id],
    resources: [offer.id],
    responses: [response.id],
    consultations: [question.id],
    materials: [material.id],
    accounts: [targetAccount.id],
    photoId: [JSON.parse(withPhoto.text).photos[0].id],
    postId: [answered.posts[0].id],
  };
}, 120_000);

/** Path ids: mostly real ones, sometimes strings a client could put in a URL. */
function idArbitrary(area: string, name: string) {
  const real = ids[name === "id" ? area : name] ?? [];
  const odd = fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
    fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/),
    fc.constantFrom("..", "%00", "__proto__", "constructor", "a".repeat(3000), "null", "undefined"),
  );
  return real.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, odd) : odd;
}

const key = (operation: Operation) => `${operation.method.toUpperCase()} ${operation.path}`;

/** Ending the fuzzing person's session or account would stop the fuzzing: those run as guests. */
const guestOnly = new Set(["POST /api/auth/logout", "DELETE /api/accounts/me"]);

function caseArbitrary(operation: Operation) {
  const area = operation.path.split("/")[2] ?? "";
  const params = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const primary = operation.access === "coordinator" ? "coordinator" : "member";
  const who = guestOnly.has(key(operation))
    ? fc.constant("guest" as const)
    : fc.constantFrom(primary, primary, primary, primary, "other" as const, "guest" as const);
  const noBody = fc.constant(undefined);
  const body = operation.body
    ? mutatedJson(arbitraryOf(operation.body)).map((text) => ({ text, type: "application/json" }))
    : operation.upload
      ? fc.oneof(
          fc.constant({ bytes: tinyPng, type: "image/png" }),
          fc.uint8Array({ maxLength: 2000 }).map((bytes) => ({ bytes, type: "image/png" })),
          fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes, type: "image/webp" })),
        )
      : operation.method === "get"
        ? noBody
        : fc.oneof(noBody, fc.constant({ text: '{"role":"coordinator"}', type: "application/json" }));
  const query = operation.query
    ? mutatedQuery(arbitraryOf(operation.query))
    : fc.oneof(fc.constant(""), fc.constant("role=coordinator"));
  return fc.record({
    who,
    ids: fc.tuple(...params.map((name) => idArbitrary(area, name))),
    body,
    query,
  });
}

type Case = ReturnType<typeof caseArbitrary> extends fc.Arbitrary<infer T> ? T : never;

async function send(operation: Operation, sample: Case) {
  let index = 0;
  const path = operation.path.replace(/\{\w+\}/g, () => encodeURIComponent(sample.ids[index++] as string));
  const url = `${path}${sample.query ? `?${sample.query}` : ""}`;
  const body = sample.body as { text?: string; bytes?: Uint8Array; type: string } | undefined;
  return call(operation.method.toUpperCase(), url, {
    body: body ? (body.text ?? (body.bytes as RequestInit["body"])) : undefined,
    type: body?.type,
    cookie: sample.who === "guest" ? undefined : cookies[sample.who],
  });
}

function problemsOf(answer: { status: number; text: string }) {
  if (answer.status >= 500) return `${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return undefined;
  try {
    const parsed = JSON.parse(answer.text);
    const { error, ...rest } = parsed;
    const fieldsOk =
      error?.fields === undefined ||
      (typeof error.fields === "object" && Object.values(error.fields).every((v) => typeof v === "string"));
    const shapeOk =
      Object.keys(rest).length === 0 &&
      typeof error?.code === "string" &&
      typeof error?.message === "string" &&
      Object.keys(error).every((k) => ["code", "message", "fields"].includes(k)) &&
      fieldsOk;
    return shapeOk ? undefined : `${answer.status} not in the error shape: ${answer.text.slice(0, 300)}`;
  } catch {
    return `${answer.status} is not JSON: ${answer.text.slice(0, 300)}`;
  }
}

describe(`fuzzing every operation (${RUNS} cases each, seed ${SEED})`, () => {
  for (const [index, operation] of areaOperations.entries()) {
    it(key(operation), { timeout: 60_000 + RUNS * 300 }, async () => {
      const samples = fc.sample(caseArbitrary(operation), { numRuns: RUNS, seed: SEED + index });
      const problems: string[] = [];
      const start = await tableDigest();
      let before = start.count;
      let allRefused = true;
      for (let first = 0; first < samples.length; first += BATCH) {
        const batch = samples.slice(first, first + BATCH);
        const answers = await Promise.all(batch.map((sample) => send(operation, sample)));
        answers.forEach((answer, i) => {
          const problem = problemsOf(answer);
          if (problem) problems.push(`${problem}\n  case: ${JSON.stringify(batch[i]).slice(0, 500)}`);
        });
        const refused = answers.every((answer) => answer.status >= 400);
        allRefused &&= refused;
        const after = await tableCount();
        if (refused && after !== before) {
          problems.push(`a batch answered only with 4xx changed the item count (${before} → ${after})`);
        }
        before = after;
        // biome-ignore lint/suspicious/noExplicitAny: checking for prototype pollution
        if (({} as any).polluted !== undefined || ({} as any).role !== undefined) {
          problems.push("Object.prototype was polluted");
        }
      }
      // Refused throughout: not one item may have changed, not only their number.
      if (allRefused && (await tableDigest()).digest !== start.digest) {
        problems.push("answered only with 4xx, yet an item of the table changed");
      }
      expect(problems.slice(0, 5), `${problems.length} problems (seed ${SEED + index})`).toEqual([]);
      expect(samples).toHaveLength(RUNS);
    });
  }
});

/** The defects this fuzzer found, each pinned by the request that showed it. */
describe("what the fuzzer found", () => {
  const cursorOf = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString("base64url");
  const paged = [
    "/api/members",
    "/api/members/applications",
    "/api/accounts",
    "/api/resources",
    "/api/consultations",
    "/api/consultations?q=договор",
  ];

  it("answers a cursor it did not write with 422, not 500", async () => {
    for (const path of paged) {
      for (const cursor of ["!!!", "eyJhIjox", cursorOf([1]), cursorOf({ pk: 1 }), cursorOf({ role: "x" })]) {
        const answer = await send1(
          "GET",
          `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`,
        );
        expect(answer.status, `${path} ${cursor}: ${answer.text}`).toBe(422);
        expect(JSON.parse(answer.text).error.fields.cursor).toMatch(/страниц/);
      }
      // Well-formed keys of another list: refused, never a 500.
      const forged = cursorOf({
        pk: "$cluster#x",
        sk: "$y",
        gsi1pk: "z",
        gsi1sk: "w",
        gsi2pk: "a",
        gsi2sk: "b",
      });
      const answer = await send1("GET", `${path}${path.includes("?") ? "&" : "?"}cursor=${forged}`);
      expect(answer.status, `${path} forged: ${answer.text}`).toBeLessThan(500);
    }
  });

  it("refuses a body of null with field messages, not a TypeError's 500", async () => {
    for (const path of ["/api/members", "/api/resources", "/api/responses"]) {
      const answer = await call("POST", path, {
        body: "null",
        type: "application/json",
        cookie: cookies.member,
      });
      expect(answer.status, `${path}: ${answer.text}`).toBe(422);
    }
  });

  it("refuses a ledger period that ends before it starts", async () => {
    const answer = await send1("GET", "/api/ledger?from=2026-05-02&to=2026-05-01");
    expect(answer.status, answer.text).toBe(422);
    expect(JSON.parse(answer.text).error.fields.to).toBe("Дата окончания раньше даты начала");
    const csv = await send1("GET", "/api/ledger/export?from=2026-05-02&to=2026-05-01");
    expect(csv.status, csv.text).toBe(422);
  });

  it("answers an id longer than any id with 404, not DynamoDB's key-size 500", async () => {
    for (const path of ["/api/members/", "/api/resources/", "/api/responses/", "/api/consultations/"]) {
      const answer = await send1("GET", `${path}${"a".repeat(3000)}`);
      expect(answer.status, `${path}: ${answer.text}`).toBe(404);
    }
  });
});

const send1 = (method: string, path: string) => call(method, path, { cookie: cookies.coordinator });
