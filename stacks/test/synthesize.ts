import { Template } from "aws-cdk-lib/assertions";
import type { IFunction } from "aws-cdk-lib/aws-lambda";
import { type CfnElement, Stack } from "aws-cdk-lib/core";
import { App, getStack } from "sst/constructs";
import { initProject, useProject } from "sst/project.js";
import config from "../../sst.config";

/**
 * The app as `sst deploy` would synthesize it, minus SST's deferred tasks: those bundle the
 * functions with esbuild and build the site, so the tests need neither the handler files nor
 * frontend/dist. Functions keep SST's inline placeholder code until then.
 */
export async function synthesize(stage: string) {
  // Synthesis refuses to guess coordinators; a developer's .env.<stage> may still override it.
  process.env.COORDINATOR_EMAILS ??= "coordinator@example.org";
  await initProject({ stage });
  const { name, region } = useProject().config;
  const app = new App({ mode: "deploy", stage, name, region });
  await config.stacks(app);
  return app;
}

type StackFunction = Parameters<typeof getStack>[0];

export const templateOf = (stack: StackFunction) => Template.fromStack(getStack(stack));

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

export const actionsOf = (statement: Statement) => [statement.Action].flat();

const logicalId = (element: CfnElement) => Stack.of(element).getLogicalId(element);

export const functionLogicalId = (fn: IFunction) => logicalId(fn.node.defaultChild as CfnElement);

/** Every statement of every policy attached to the function's role. */
export function statementsOf(template: Template, fn: IFunction): Statement[] {
  const role = fn.role?.node.defaultChild as CfnElement;
  const roleRef = { Ref: logicalId(role) };
  return Object.values(template.findResources("AWS::IAM::Policy"))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(JSON.stringify(roleRef)))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}
