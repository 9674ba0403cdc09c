/**
 * `npm run api`: writes the OpenAPI document the portal serves to dist/api/openapi.json, for
 * `redocly lint`, and the TypeScript types openapi-typescript generates from it to
 * dist/api/schema.d.ts, which the typed client's test compiles against (tests/integration/
 * typed-client.test.ts): a change that breaks the contract breaks `npm run typecheck`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { apiDocument } from "../functions/src/meta";

mkdirSync("dist/api", { recursive: true });
const document = apiDocument();
writeFileSync("dist/api/openapi.json", `${JSON.stringify(document, null, 2)}\n`);
// Silent: its own lint warnings are redocly lint's business (npm run lint:api, with the exceptions).
const types = astToString(await openapiTS(document as never, { silent: true }));
writeFileSync("dist/api/schema.d.ts", types);
const operations = Object.values(document.paths).reduce(
  (sum, methods) => sum + Object.keys(methods).length,
  0,
);
console.log(
  `dist/api/openapi.json: ${Object.keys(document.paths).length} paths, ${operations} operations; dist/api/schema.d.ts: ${types.length} characters`,
);
