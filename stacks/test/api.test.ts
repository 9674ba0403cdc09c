import type { Template } from "aws-cdk-lib/assertions";
import type { CfnElement } from "aws-cdk-lib/core";
import { Stack } from "aws-cdk-lib/core";
import { type Api as HttpApi, use } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { areas } from "../../functions/src/areas";
import { Api } from "../Api";
import { Database } from "../Database";
import {
  actionsOf,
  functionLogicalId,
  type Statement,
  statementsOf,
  synthesize,
  templateOf,
} from "./synthesize";

type Resource = { Properties: Record<string, unknown> };

describe("Api stack", () => {
  let template: Template;
  let api: HttpApi;
  let tableLogicalId: string;

  const functionOf = (area: (typeof areas)[number]) => {
    const fn = api.getFunction(area.routes[0]);
    if (!fn) throw new Error(`no function for ${area.name}`);
    return fn;
  };

  beforeAll(async () => {
    await synthesize("test");
    template = templateOf(Api);
    api = use(Api).api;
    const table = use(Database).table.cdk.table;
    tableLogicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
  });

  it("serves exactly the route keys of areas.ts", () => {
    const routeKeys = Object.values(template.findResources("AWS::ApiGatewayV2::Route")).map(
      (route) => route.Properties.RouteKey,
    );
    expect(routeKeys.sort()).toEqual(areas.flatMap((area) => area.routes).sort());
  });

  it.each(areas.map((area) => [area.name, area] as const))(
    "routes every key of %s to its one function",
    (_, area) => {
      const routes = template.findResources("AWS::ApiGatewayV2::Route");
      const integrations = template.findResources("AWS::ApiGatewayV2::Integration");
      for (const routeKey of area.routes) {
        const route = Object.values(routes).find(
          (candidate) => candidate.Properties.RouteKey === routeKey,
        ) as Resource;
        const target = route.Properties.Target as { "Fn::Join": [string, [string, { Ref: string }]] };
        const integration = integrations[target["Fn::Join"][1][1].Ref] as Resource;
        expect(integration.Properties).toMatchObject({
          IntegrationType: "AWS_PROXY",
          IntegrationUri: { "Fn::GetAtt": [functionLogicalId(functionOf(area)), "Arn"] },
        });
      }
    },
  );

  it("gives each area its own function, built from the area's entry", () => {
    const functions = areas.map(functionOf);
    expect(new Set(functions).size).toBe(areas.length);
    for (const area of areas) {
      expect(functionOf(area).getConstructMetadata().data.handler).toBe(
        area.entry.replace(/\.ts$/, ".handler"),
      );
    }
  });

  it("runs the functions on nodejs22.x, arm64", () => {
    for (const area of areas) {
      const fn = functionOf(area);
      expect(fn.getConstructMetadata().data.runtime).toBe("nodejs22.x");
      const resource = template.toJSON().Resources[functionLogicalId(fn)] as Resource;
      expect(resource.Properties).toMatchObject({ Runtime: "nodejs22.x", Architectures: ["arm64"] });
    }
  });

  it("tells every function where its table, mail, site and secret are", () => {
    for (const area of areas) {
      const resource = template.toJSON().Resources[functionLogicalId(functionOf(area))] as Resource;
      const variables = (resource.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(JSON.stringify(variables.TABLE_NAME)).toContain(tableLogicalId);
      expect(variables).toMatchObject({
        MAIL_FROM: expect.stringMatching(/<noreply@.+>$/),
        PUBLIC_URL: expect.stringMatching(/^https:\/\//),
        STAGE: "test",
        COORDINATOR_EMAILS: process.env.COORDINATOR_EMAILS,
        AUTH_SECRET_PARAMETER: "/sst/kaluga-ngo-cluster/test/Secret/AUTH_SECRET/value",
      });
      expect(variables).not.toHaveProperty("AUTH_SECRET");
    }
  });

  describe("permissions", () => {
    const statementsFor = (area: (typeof areas)[number]) => statementsOf(template, functionOf(area));
    const withPrefix = (statements: Statement[], prefix: string) =>
      statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith(prefix)));

    it("allow only table, secret, (for mail senders) SES and (for file keepers) S3 actions, never on every resource", () => {
      for (const area of areas) {
        const statements = statementsFor(area);
        for (const statement of statements) {
          expect(statement.Effect).toBe("Allow");
          expect([statement.Resource].flat()).not.toContain("*");
          for (const action of actionsOf(statement)) {
            expect(action).toMatch(/^(dynamodb:|ssm:GetParameter$|ses:Send(Raw)?Email$|s3:)/);
          }
        }
      }
    });

    it.each(areas.map((area) => [area.name, area] as const))(
      "let %s reach the files bucket only if it keeps files, and nothing but that bucket",
      (_, area) => {
        const s3 = withPrefix(statementsFor(area), "s3:");
        if (!("keepsFiles" in area)) {
          expect(s3).toEqual([]);
          return;
        }
        expect(s3.flatMap(actionsOf)).toEqual(
          expect.arrayContaining(["s3:GetObject*", "s3:PutObject", "s3:DeleteObject*"]),
        );
        for (const statement of s3) {
          for (const resource of [statement.Resource].flat()) {
            expect(JSON.stringify(resource)).toMatch(/FilesBucket/);
          }
        }
      },
    );

    it("scope DynamoDB to the table and its indexes", () => {
      for (const area of areas) {
        const dynamo = withPrefix(statementsFor(area), "dynamodb:");
        expect(dynamo.length).toBeGreaterThan(0);
        for (const statement of dynamo) {
          const [table, indexes] = statement.Resource as [unknown, unknown];
          expect(JSON.stringify(table)).toContain(`FnGetAtt${tableLogicalId}Arn`);
          expect(indexes).toEqual({ "Fn::Join": ["", [table, "/index/*"]] });
          expect(statement.Resource).toHaveLength(2);
        }
      }
    });

    it("read only the AUTH_SECRET parameter from SSM", () => {
      for (const area of areas) {
        const ssm = withPrefix(statementsFor(area), "ssm:");
        expect(ssm).toHaveLength(1);
        expect(actionsOf(ssm[0]!)).toEqual(["ssm:GetParameter"]);
        expect(JSON.stringify(ssm[0]!.Resource)).toMatch(
          /:ssm:[^"]+:parameter\/sst\/kaluga-ngo-cluster\/test\/Secret\/AUTH_SECRET\/value"/,
        );
      }
    });

    it.each(areas.map((area) => [area.name, area] as const))(
      "let %s send mail only if it sends mail",
      (_, area) => {
        const ses = withPrefix(statementsFor(area), "ses:");
        if (!area.sendsMail) {
          expect(ses).toEqual([]);
          return;
        }
        expect(ses.flatMap(actionsOf).sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
        const resources = JSON.stringify(ses.map((statement) => statement.Resource));
        expect(resources).toContain(":identity/");
        expect(resources).toContain(":configuration-set/");
      },
    );
  });
});
