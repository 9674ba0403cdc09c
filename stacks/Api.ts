import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Config as ParameterStore } from "sst/config.js";
import { Config, Api as HttpApi, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { areas } from "../functions/src/areas";
import { Database } from "./Database";
import { Email } from "./Email";
import { Files } from "./Files";
import { coordinatorEmails, publicUrl } from "./settings";

export function Api({ app, stack }: StackContext) {
  const { table } = use(Database);
  const mail = use(Email);
  const files = use(Files);

  const coordinators = new Config.Parameter(stack, "COORDINATOR_EMAILS", { value: coordinatorEmails() });
  /** Runtime code does not import sst/node, so it reads the secret from SSM by this name itself. */
  const authSecret = new Config.Secret(stack, "AUTH_SECRET");
  const authSecretParameter = ParameterStore.pathFor({ type: "Secret", id: authSecret.name, prop: "value" });
  const readAuthSecret = new PolicyStatement({
    actions: ["ssm:GetParameter"],
    resources: [
      stack.formatArn({ service: "ssm", resource: "parameter", resourceName: authSecretParameter.slice(1) }),
    ],
  });

  /** What every function of the app reads at runtime (packages/core/src/config.ts). */
  const environment = {
    TABLE_NAME: table.tableName,
    MAIL_FROM: mail.mailFrom,
    PUBLIC_URL: publicUrl(),
    STAGE: app.stage,
    COORDINATOR_EMAILS: coordinators.value,
  };

  // Same-origin only: the site's CloudFront serves /api, and the session cookie is SameSite=Lax.
  const api = new HttpApi(stack, "Api", { cors: false });

  for (const area of areas) {
    const handler = new LambdaFunction(stack, area.name, {
      handler: area.entry.replace(/\.ts$/, ".handler"),
      copyFiles: "files" in area ? [...area.files] : undefined,
      environment: {
        ...environment,
        AUTH_SECRET_PARAMETER: authSecretParameter,
        ...("keepsFiles" in area ? { FILES_BUCKET: files.bucket.bucketName } : {}),
      },
    });
    table.cdk.table.grantReadWriteData(handler);
    handler.addToRolePolicy(readAuthSecret);
    if (area.sendsMail) mail.grantSend(handler);
    if ("keepsFiles" in area) files.bucket.grantReadWrite(handler);
    api.addRoutes(stack, Object.fromEntries(area.routes.map((routeKey) => [routeKey, handler])));
  }

  return { api, environment };
}
