import { resolve } from "node:path";
import { areas } from "../functions/src/areas";
import { eventHandlers, jobs } from "../functions/src/jobs/schedule";

/** Every Lambda the stacks deploy: the API areas and the scheduled jobs. */
export const lambdaEntries = [
  ...areas.map(({ name, entry }) => ({ name, entry })),
  ...jobs.map(({ name, entry }) => ({ name: `job:${name}`, entry })),
  ...eventHandlers.map(({ name, entry }) => ({ name: `event:${name}`, entry })),
];

/** Each Lambda must stay under this many KB minified (foundation issue). */
export const LAMBDA_BUDGET_KB = 300;

/**
 * The esbuild options SST bundles every function with, on top of its own defaults (minified ESM);
 * scripts/bundle-sizes.ts and the bundle test use the same ones.
 * - The nodejs22.x runtime ships AWS SDK v3: bundling it again would triple each function (ADR 006).
 * - Russian text as UTF-8, not \u escapes: a third of the bytes.
 * - No keepNames and no jsonschema: ElectroDB validates our constant models in tests, not at every
 *   cold start (ADR 009). Paths resolve from the repository root, where SST and the tests run.
 * - "electrodb" is its Entity and write transactions without the Service (ADR 019); esbuild takes the
 *   longest matching alias, so the entry's own "electrodb/src/..." imports reach the package.
 */
export const lambdaEsbuild = {
  external: ["@aws-sdk/*"],
  charset: "utf8" as const,
  keepNames: false,
  alias: {
    jsonschema: resolve("packages/core/src/db/model-shape-validator.ts"),
    electrodb: resolve("stacks/electrodb-entry.mjs"),
    "electrodb/src": resolve("node_modules/electrodb/src"),
  },
};

/** One Lambda bundled as SST ships it: minified ESM with the options above. */
export async function bundleLambda(entry: string) {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node22",
    ...lambdaEsbuild,
    // SST's ESM banner: CommonJS dependencies (ElectroDB) require the runtime's AWS SDK.
    banner: {
      js: `import { createRequire as topLevelCreateRequire } from 'module';const require = topLevelCreateRequire(import.meta.url);`,
    },
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.contents;
}
