import type { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { keyAttributes, tableShape } from "../../packages/core/src/table";
import { Database } from "../Database";
import { synthesize, templateOf } from "./synthesize";

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: "HASH" },
  { AttributeName: sortKey, KeyType: "RANGE" },
];

describe("Database stack", () => {
  let template: Template;
  let table: Record<string, unknown> & { Properties: Record<string, unknown> };

  beforeAll(async () => {
    await synthesize("test");
    template = templateOf(Database);
    const tables = Object.values(template.findResources("AWS::DynamoDB::Table"));
    expect(tables).toHaveLength(1);
    table = tables[0] as typeof table;
  });

  it("keys the table as tableShape says", () => {
    expect(table.Properties.KeySchema).toEqual(keySchema(tableShape.partitionKey, tableShape.sortKey));
  });

  it("declares every key attribute as a string and nothing else", () => {
    expect(table.Properties.AttributeDefinitions).toEqual(
      expect.arrayContaining(keyAttributes.map((name) => ({ AttributeName: name, AttributeType: "S" }))),
    );
    expect(table.Properties.AttributeDefinitions).toHaveLength(keyAttributes.length);
  });

  it("has exactly the global indexes of tableShape, projecting everything", () => {
    const expected = Object.entries(tableShape.globalIndexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: { ProjectionType: "ALL" },
    }));
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(expect.arrayContaining(expected));
    expect(table.Properties.GlobalSecondaryIndexes).toHaveLength(expected.length);
  });

  it("expires items by tableShape's TTL attribute", () => {
    expect(table.Properties.TimeToLiveSpecification).toEqual({
      AttributeName: tableShape.timeToLiveAttribute,
      Enabled: true,
    });
  });

  it("keeps point-in-time recovery on and bills per request", () => {
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.BillingMode).toBe("PAY_PER_REQUEST");
  });

  it("lets a non-production stage delete its table", () => {
    expect(table.DeletionPolicy).toBe("Delete");
  });

  it("needs no stream", () => {
    expect(table.Properties.StreamSpecification).toBeUndefined();
  });
});
