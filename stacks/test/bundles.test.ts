import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { areas } from "../../functions/src/areas";
import { bundleLambda, LAMBDA_BUDGET_KB, lambdaEntries } from "../bundling";

/** Beside node_modules, so the bundles find the AWS SDK the way the Lambda runtime provides it. */
const outDir = resolve("node_modules/.cache/lambda-bundles");

describe("Lambda bundles as SST builds them", () => {
  it.each(lambdaEntries)(
    "$name stays under the budget and loads in a fresh Node",
    async ({ name, entry }) => {
      const bundle = await bundleLambda(entry);
      expect(bundle.byteLength / 1024).toBeLessThan(LAMBDA_BUDGET_KB);

      mkdirSync(outDir, { recursive: true });
      const file = join(outDir, `${name.replace(":", "-")}.mjs`);
      writeFileSync(file, bundle);
      // Loading builds every ElectroDB entity and the Service with the bundled model-shape validator.
      const exported = execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const m = await import(${JSON.stringify(file)}); console.log(typeof m.handler)`,
        ],
        { encoding: "utf8" },
      );
      expect(exported.trim()).toBe("function");
    },
  );

  it("certificates finds its fonts where the stack copies them beside its bundle", async () => {
    const area = areas.find((candidate) => candidate.name === "certificates")!;
    const root = join(outDir, "certificates");
    // SST writes the bundle at the entry's path under the bundle's root and copies `files` there.
    const file = join(root, dirname(area.entry), "render.mjs");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await bundleLambda("stacks/test/certificate-render.ts"));
    for (const { from, to } of "files" in area ? area.files : []) {
      cpSync(from, join(root, to), { recursive: true });
    }
    const head = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { certificatePdf } = await import(${JSON.stringify(file)});
         const pdf = certificatePdf({ heading: "Сертификат", name: "Проверка", deed: "участие", title: "Т",
           details: "д", issuer: "Кластер", code: "AAAA-BBBB-CCCC", verifyUrl: "https://x.example/c" });
         console.log(Buffer.from(pdf.slice(0, 8)).toString("latin1"), pdf.length);`,
      ],
      { encoding: "utf8" },
    );
    const [magic, size] = head.trim().split(" ");
    expect(magic).toBe("%PDF-1.7");
    // Both fonts embedded: the subsets are 31 and 29 KB before compression.
    expect(Number(size)).toBeGreaterThan(40_000);
  });
});
