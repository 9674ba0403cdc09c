/**
 * Prints what each deployable weighs against its budget: every Lambda bundled the way the
 * Api and Jobs stacks bundle it (minified ESM, AWS SDK from the runtime), and the frontend's
 * initial route, gzipped. Run `npm run build:web` first for the frontend figures.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleLambda, LAMBDA_BUDGET_KB, lambdaEntries } from "../stacks/bundling";

const INITIAL_ROUTE_BUDGET_KB = 60;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

let overBudget = false;
console.log("Lambda bundles (minified, budget %d KB):", LAMBDA_BUDGET_KB);
for (const { name, entry } of lambdaEntries) {
  const bundle = await bundleLambda(entry);
  overBudget ||= kb(bundle.byteLength) > LAMBDA_BUDGET_KB;
  console.log(
    `  ${name.padEnd(12)} ${String(kb(bundle.byteLength)).padStart(7)} KB  (gzip ${kb(gzipSync(bundle).byteLength)} KB)`,
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
