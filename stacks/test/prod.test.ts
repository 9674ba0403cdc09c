import { beforeAll, describe, expect, it } from "vitest";
import { Database } from "../Database";
import { synthesize, templateOf } from "./synthesize";

describe("the prod stage", () => {
  let tables: Record<string, { DeletionPolicy?: string; UpdateReplacePolicy?: string }>;

  beforeAll(async () => {
    await synthesize("prod");
    tables = templateOf(Database).findResources("AWS::DynamoDB::Table");
  });

  it("retains the table when the stack or the table goes away", () => {
    const [table] = Object.values(tables);
    expect(table?.DeletionPolicy).toBe("Retain");
    expect(table?.UpdateReplacePolicy).toBe("Retain");
  });
});
