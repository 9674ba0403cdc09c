import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Service } from "electrodb";
import { describe, expect, it } from "vitest";
import * as lite from "./model-shape-validator";
import { db } from "./service";

const require = createRequire(import.meta.url);
const validationsFile = require.resolve("electrodb/src/validations.js");

/** ElectroDB's own validations module, loaded with the given jsonschema implementation. */
function electroValidations(jsonschema: unknown) {
  const localRequire = createRequire(validationsFile);
  const module = { exports: {} as { testModel(model: unknown): [boolean, string] } };
  const load = new Function("require", "module", "exports", readFileSync(validationsFile, "utf8"));
  load((id: string) => (id === "jsonschema" ? jsonschema : localRequire(id)), module, module.exports);
  return module.exports;
}

const { entities } = db();

const real = electroValidations(require("jsonschema"));
const bundled = electroValidations(lite);

const anyModel = Object.values(entities)[0]!.schema;

const samples: [string, unknown][] = [
  ...Object.entries(entities).map(
    ([name, entity]) => [`model of ${name}`, entity.schema] as [string, unknown],
  ),
  ...Object.entries(entities).map(([name, entity]) => [`entity ${name}`, entity] as [string, unknown]),
  ["the service", new Service(entities)],
  ["empty object", {}],
  ["undefined", undefined],
  ["model without indexes", { ...anyModel, indexes: undefined }],
  ["model without attributes", { ...anyModel, attributes: undefined }],
  ["model with a numeric version", { ...anyModel, model: { ...anyModel.model, version: 1 } }],
  ["model without a service name", { ...anyModel, model: { entity: "x", version: "1" } }],
  [
    "beta model (names on the root)",
    { entity: "x", service: "y", attributes: anyModel.attributes, indexes: anyModel.indexes },
  ],
];

describe("the model-shape validator bundled instead of jsonschema", () => {
  it.each(samples)("tells a model from anything else as jsonschema does: %s", (_, sample) => {
    expect(bundled.testModel(sample)[0]).toBe(real.testModel(sample)[0]);
  });

  it("accepts every model of the table and refuses entity and service instances", () => {
    for (const entity of Object.values(entities)) {
      expect(bundled.testModel(entity.schema)[0]).toBe(true);
      expect(bundled.testModel(entity)[0]).toBe(false);
    }
  });
});
