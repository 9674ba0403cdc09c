import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { codeFor, uniqueEmail, url, useBrowser } from "./browser";

const browser = useBrowser();

/** Opens an operation, presses "Try it out", lets `fill` set its inputs, executes it and reads the answer. */
async function tryOut(operation: Locator, fill: () => Promise<void> = async () => {}) {
  await operation.locator(".opblock-summary-control").click();
  await operation.getByRole("button", { name: "Try it out" }).click();
  await fill();
  await operation.getByRole("button", { name: "Execute" }).click();
  const live = operation.locator(".live-responses-table .response");
  await live.waitFor();
  const status = Number(((await live.locator(".response-col_status").textContent()) ?? "").trim());
  const body = JSON.parse((await live.locator(".highlight-code pre").textContent()) ?? "");
  return { status, body };
}

describe("the API's reference page", () => {
  it("opens from the footer, lists every operation and runs one against this portal", async () => {
    const document = (await (await fetch(url("/api/openapi.json"))).json()) as {
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));

    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url("/"));
    await page.getByRole("contentinfo").getByRole("link", { name: "API для разработчиков" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/api/docs");
    await page
      .getByRole("heading", { level: 1, name: "API портала Кластера НКО Калужской области" })
      .waitFor();
    await expect.poll(() => page.locator(".opblock").count()).toBe(operations.length);

    // The server "Try it out" calls is this portal, whatever the document lists first.
    const servers = page.getByRole("combobox").first();
    expect(await servers.inputValue()).toBe(new URL(url("/")).origin);

    const members = await tryOut(page.locator("#operations-Участники-listMembers"));
    expect(members.status).toBe(200);
    expect(members.body.items.length).toBeGreaterThan(0);

    // A write goes through as well: the page is the portal's own origin, so the CSRF check passes.
    const email = uniqueEmail("api-docs");
    const login = page.locator("#operations-Вход-requestLoginCode");
    const sent = await tryOut(login, () =>
      login.locator("textarea.body-param__text").fill(JSON.stringify({ email })),
    );
    expect(sent).toMatchObject({ status: 202, body: { ok: true } });
    expect(await codeFor(email)).toMatch(/^\d{6}$/);

    // The document itself is a download away, for generators.
    const download = page.getByRole("link", { name: "openapi.json" });
    expect(await download.getAttribute("href")).toBe("/api/openapi.json");
    await page.close();
  });
});
