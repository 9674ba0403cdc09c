import { spawn } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../../packages/local/src/ports";

/** Runs `npm start`'s entry point the way npm does and collects what a person would read. */
function start(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/main.ts"], {
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/\n\s+at /);

describe("npm start explains what is wrong instead of crashing", () => {
  it("when Java is missing", async () => {
    // A PATH with node alone: this machine keeps java beside it in /usr/bin.
    const bin = mkdtempSync(join(tmpdir(), "no-java-"));
    symlinkSync(process.execPath, join(bin, "node"));
    const { code, output } = await start({
      PATH: bin,
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      SES_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toContain("Не найдена Java");
    noStackTrace(output);
  });

  it("when the port is taken", async () => {
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "0.0.0.0", resolve));
    try {
      const { code, output } = await start({
        PORT: String(port),
        DYNAMODB_PORT: String(await freePort()),
        SES_PORT: String(await freePort()),
      });
      expect(code).toBe(1);
      expect(output).toContain(`Порт ${port} (портал) занят`);
      noStackTrace(output);
    } finally {
      blocker.close();
    }
  });
});
