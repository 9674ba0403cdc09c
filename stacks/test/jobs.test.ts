import type { Template } from "aws-cdk-lib/assertions";
import { type Cron, use } from "sst/constructs";
import { beforeAll, describe, expect, it } from "vitest";
import { Jobs } from "../Jobs";
import { actionsOf, functionLogicalId, statementsOf, synthesize, templateOf } from "./synthesize";

describe("Jobs stack", () => {
  let template: Template;
  let outbox: Cron;

  beforeAll(async () => {
    await synthesize("test");
    template = templateOf(Jobs);
    outbox = use(Jobs).outbox;
  });

  it("runs the outbox job every five minutes", () => {
    template.hasResourceProperties("AWS::Events::Rule", {
      ScheduleExpression: "rate(5 minutes)",
      State: "ENABLED",
      Targets: [{ Arn: { "Fn::GetAtt": [functionLogicalId(outbox.jobFunction), "Arn"] }, Id: "Target0" }],
    });
    expect(outbox.jobFunction.getConstructMetadata().data.handler).toBe("functions/src/jobs/outbox.handler");
  });

  it("runs matching hourly and expiry at 00:05 Moscow time", () => {
    for (const [job, schedule] of [
      [use(Jobs).matching, "rate(1 hour)"],
      [use(Jobs).expiry, "cron(5 21 * * ? *)"],
    ] as const) {
      template.hasResourceProperties("AWS::Events::Rule", {
        ScheduleExpression: schedule,
        Targets: [{ Arn: { "Fn::GetAtt": [functionLogicalId(job.jobFunction), "Arn"] }, Id: "Target0" }],
      });
    }
  });

  it("lets the expiry job use the table only", () => {
    const actions = statementsOf(template, use(Jobs).expiry.jobFunction).flatMap(actionsOf);
    expect(actions.every((action) => action.startsWith("dynamodb:"))).toBe(true);
  });

  it("gives the job a minute, on nodejs22.x", () => {
    template.hasResourceProperties("AWS::Lambda::Function", {
      Timeout: 60,
      Runtime: "nodejs22.x",
      Architectures: ["arm64"],
      Environment: { Variables: { STAGE: "test" } },
    });
  });

  it("lets the job use the table and send mail, and nothing else", () => {
    const statements = statementsOf(template, outbox.jobFunction);
    const actions = statements.flatMap(actionsOf);
    expect(actions.some((action) => action.startsWith("dynamodb:"))).toBe(true);
    expect(actions.filter((action) => !action.startsWith("dynamodb:")).sort()).toEqual([
      "ses:SendEmail",
      "ses:SendRawEmail",
    ]);
    for (const statement of statements) expect([statement.Resource].flat()).not.toContain("*");
  });
});
