import { spawn } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, isPortFree } from "../../packages/local/src/ports";

/** Runs `npm start`'s entry point the way npm does and collects what a person would read. */
function start(env: Record<string, string>, onOutput?: (output: string, stop: () => void) => void) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/main.ts"], {
      env: { ...process.env, ...env },
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk;
      onOutput?.(output, () => child.kill("SIGINT"));
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/\n\s+at /);

describe("npm start", () => {
  // Two real starts, the first building the frontend on a fresh clone: minutes on a busy 2-core machine.
  it("starts every part with one line each, keeps data across restarts, and stops on Ctrl-C", {
    timeout: 180_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "portal-data-"));
    const ports = {
      PORT: String(await freePort()),
      DYNAMODB_PORT: String(await freePort()),
      SES_PORT: String(await freePort()),
    };
    const env = { ...ports, DATA_DIR: dataDir, COORDINATOR_EMAILS: "chair@start.example" };
    let health: unknown;
    const first = await start(env, (output, stop) => {
      if (output.includes("Готово") && health === undefined) {
        health = null;
        fetch(`http://localhost:${ports.PORT}/api/health`)
          .then((response) => response.json())
          .then((body) => {
            health = body;
            stop();
          });
      }
    });
    expect(health).toEqual({ ok: true });
    expect(first.code).toBe(0);
    for (const part of ["DynamoDB Local", "Почта (SES)", "Таблица", "Демо-данные", "Портал"]) {
      expect(first.output).toContain(part);
    }
    expect(first.output).toContain("координатор: chair@start.example");
    // Each role a newcomer can sign in as, with the address to enter on the login page.
    for (const role of [
      "эксперт: ekspert@",
      "орган власти: minpolitiki@",
      "представитель НКО: dobrye-sosedi@",
    ]) {
      expect(first.output).toContain(role);
    }
    expect(first.output).toContain("создана");
    for (const port of Object.values(ports)) expect(await isPortFree(Number(port))).toBe(true);

    const second = await start(env, (output, stop) => {
      if (output.includes("Готово")) stop();
    });
    expect(second.output).toContain("уже есть");
    expect(second.output).toContain("уже загружены");
  });
});

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
