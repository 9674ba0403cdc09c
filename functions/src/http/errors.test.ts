import { Conflict, RateLimited } from "@cluster/core/errors";
import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { fieldErrors, isUnavailable, toResponse } from "./errors";

const appThrowing = (error: unknown) => {
  const app = new Hono();
  app.get("/", () => {
    throw error;
  });
  app.onError(toResponse);
  return app;
};

describe("error responses", () => {
  it("map visible errors to their status and the one JSON shape", async () => {
    const response = await appThrowing(new Conflict("Занято", "inn_taken", { inn: "Уже есть" })).request("/");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "inn_taken", message: "Занято", fields: { inn: "Уже есть" } },
    });
  });

  it("add Retry-After to rate limits", async () => {
    const response = await appThrowing(new RateLimited(42)).request("/");
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("42");
  });

  it("hide unknown errors behind a 500 with a request id, logging the stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await appThrowing(new Error("secret table name leaked")).request("/");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("secret");
    expect(log.mock.calls[0]?.[0]).toContain("secret table name leaked");
    log.mockRestore();
  });

  it("answer a throttled, failing or unreachable service with 503, Retry-After and the one shape", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const sdkError = (name: string, httpStatusCode: number) =>
      Object.assign(new Error(name), { name, $metadata: { httpStatusCode } });
    const cases: unknown[] = [
      sdkError("ProvisionedThroughputExceededException", 400),
      sdkError("ThrottlingException", 400),
      sdkError("InternalServerError", 500),
      sdkError("TooManyRequestsException", 429),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8000"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }),
      Object.assign(new Error("request timed out"), { name: "TimeoutError" }),
      // ElectroDB wraps what the SDK threw.
      Object.assign(new Error("Error thrown by DynamoDB client"), {
        cause: sdkError("ProvisionedThroughputExceededException", 400),
      }),
      Object.assign(new Error("transaction canceled"), { reasons: ["None", "ThrottlingError"] }),
      Object.assign(sdkError("TransactionCanceledException", 400), {
        CancellationReasons: [{ Code: "None" }, { Code: "ProvisionedThroughputExceeded" }],
      }),
    ];
    for (const error of cases) {
      expect(isUnavailable(error)).toBe(true);
      const response = await appThrowing(error).request("/");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/повторите/i) } });
    }
    warn.mockRestore();
  });

  it("keep bugs and refused conditions out of the 503s", () => {
    expect(isUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(
      isUnavailable(
        Object.assign(new Error("v"), { name: "ValidationException", $metadata: { httpStatusCode: 400 } }),
      ),
    ).toBe(false);
    expect(
      isUnavailable(Object.assign(new Error("c"), { reasons: ["ConditionalCheckFailed", "None"] })),
    ).toBe(false);
    expect(isUnavailable("ECONNRESET")).toBe(false);
  });

  it("turn zod issues into one message per dotted field", () => {
    const schema = z.strictObject({ a: z.object({ b: z.string({ error: "Нужна строка" }) }) });
    const result = schema.safeParse({ a: { b: 1 }, extra: true });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({ "a.b": "Нужна строка", extra: "Неизвестное поле" });
    }
  });
});
