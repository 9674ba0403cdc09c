import { Conflict, RateLimited } from "@cluster/core/errors";
import { Hono } from "hono";
import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { fieldErrors, toResponse } from "./errors";

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

  it("turn zod issues into one message per dotted field", () => {
    const schema = z.strictObject({ a: z.object({ b: z.string({ error: "Нужна строка" }) }) });
    const result = schema.safeParse({ a: { b: 1 }, extra: true });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({ "a.b": "Нужна строка", extra: "Неизвестное поле" });
    }
  });
});
