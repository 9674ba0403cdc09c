import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
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
});
