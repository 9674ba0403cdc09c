import { Cron, type StackContext, use } from "sst/constructs";
import { Api } from "./Api";
import { Database } from "./Database";
import { Email } from "./Email";

export function Jobs({ stack }: StackContext) {
  const { table } = use(Database);
  const mail = use(Email);
  const { environment } = use(Api);

  // Retries outgoing mail that the request that queued it could not send.
  const outbox = new Cron(stack, "Outbox", {
    schedule: "rate(5 minutes)",
    job: {
      function: {
        handler: "functions/src/jobs/outbox.handler",
        timeout: "60 seconds",
        environment,
      },
    },
  });
  table.cdk.table.grantReadWriteData(outbox.jobFunction);
  mail.grantSend(outbox.jobFunction);

  return { outbox };
}
