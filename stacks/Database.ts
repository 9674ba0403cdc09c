import { RemovalPolicy } from "aws-cdk-lib/core";
import { type StackContext, Table } from "sst/constructs";
import { keyAttributes, tableShape } from "../packages/core/src/table";
import { isProduction } from "./settings";

export function Database({ app, stack }: StackContext) {
  const table = new Table(stack, "Table", {
    fields: Object.fromEntries(keyAttributes.map((name) => [name, "string"] as const)),
    primaryIndex: { partitionKey: tableShape.partitionKey, sortKey: tableShape.sortKey },
    globalIndexes: tableShape.globalIndexes,
    timeToLiveAttribute: tableShape.timeToLiveAttribute,
    cdk: {
      table: {
        pointInTimeRecovery: true,
        // Set here as well as by the app default, so the table keeps its data even if the
        // default changes.
        removalPolicy: isProduction(app.stage) ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      },
    },
  });

  return { table };
}
