/**
 * Prints what each deployable weighs against its budget: every Lambda bundled the way the
 * Api and Jobs stacks bundle it (minified ESM, AWS SDK from the runtime), with the time a fresh
 * Node takes to import it (a cold start's share that the bundle decides), and the frontend's
 * initial route, gzipped. Run `npm run build:web` first for the frontend figures.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleLambda, LAMBDA_BUDGET_KB, lambdaEntries } from "../stacks/bundling";

const INITIAL_ROUTE_BUDGET_KB = 60;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Inside the repository, so the bundles' `@aws-sdk/*` imports resolve as the runtime's would. */
const outDir = "node_modules/.cache/bundle-sizes";
const IMPORT_RUNS = 5;

/** Median milliseconds for a fresh Node process to import the bundle (its module graph and top level). */
function importMs(file: string) {
  const runs = Array.from({ length: IMPORT_RUNS }, () =>
    Number(
      execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t)`,
        ],
        { encoding: "utf8" },
      ),
    ),
  ).sort((a, b) => a - b);
  return runs[Math.floor(IMPORT_RUNS / 2)]!;
}

let overBudget = false;
console.log(
  "Lambda bundles (minified, budget %d KB; import: median of %d fresh Node processes):",
  LAMBDA_BUDGET_KB,
  IMPORT_RUNS,
);
mkdirSync(outDir, { recursive: true });
for (const { name, entry } of lambdaEntries) {
  const bundle = await bundleLambda(entry);
  overBudget ||= kb(bundle.byteLength) > LAMBDA_BUDGET_KB;
  const file = join(process.cwd(), outDir, `${name.replace(":", "-")}.mjs`);
  writeFileSync(file, bundle);
  console.log(
    `  ${name.padEnd(20)} ${String(kb(bundle.byteLength)).padStart(7)} KB  (gzip ${String(kb(gzipSync(bundle).byteLength)).padStart(5)} KB)  import ${importMs(file).toFixed(0).padStart(4)} ms`,
  );
}

const dist = "frontend/dist";
if (existsSync(join(dist, "index.html"))) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map(
    ([, path]) => path!,
  );
  let gzipTotal = 0;
  for (const path of initial) gzipTotal += gzipSync(readFileSync(join(dist, path))).byteLength;
  const jsOnly = initial.filter((path) => path.endsWith(".js"));
  const jsGzip = jsOnly.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path))).byteLength, 0);
  overBudget ||= kb(jsGzip) > INITIAL_ROUTE_BUDGET_KB;
  console.log(`\nFrontend initial route (budget ${INITIAL_ROUTE_BUDGET_KB} KB gzip JS):`);
  console.log(`  JS  ${kb(jsGzip)} KB gzip in ${jsOnly.length} file(s); with CSS ${kb(gzipTotal)} KB`);
  const assets =
    readFileSync(join(dist, "index.html"), "utf8") && statSync(join(dist, "assets")).isDirectory();
  if (assets) {
    const { readdirSync } = await import("node:fs");
    const all = readdirSync(join(dist, "assets")).filter((file) => file.endsWith(".js"));
    const total = all.reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(dist, "assets", file))).byteLength,
      0,
    );
    console.log(`  all JS chunks: ${kb(total)} KB gzip in ${all.length} files`);
  }
} else {
  console.log("\nFrontend not built: run npm run build:web for its figures.");
}
process.exitCode = overBudget ? 1 : 0;
