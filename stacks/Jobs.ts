import { LambdaSubscription } from "aws-cdk-lib/aws-sns-subscriptions";
import { Cron, Function as LambdaFunction, type StackContext, use } from "sst/constructs";
import { eventHandlers, jobs } from "../functions/src/jobs/schedule";
import { Api } from "./Api";
import { Database } from "./Database";
import { Email } from "./Email";

export function Jobs({ stack }: StackContext) {
  const { table } = use(Database);
  const mail = use(Email);
  const { environment } = use(Api);

  const crons = Object.fromEntries(
    jobs.map((job) => {
      const cron = new Cron(stack, `Job-${job.name}`, {
        schedule: job.schedule,
        job: {
          function: {
            handler: job.entry.replace(/\.ts$/, ".handler"),
            timeout: `${"timeoutSeconds" in job ? job.timeoutSeconds : 60} seconds`,
            environment,
          },
        },
      });
      table.cdk.table.grantReadWriteData(cron.jobFunction);
      if (job.sendsMail) mail.grantSend(cron.jobFunction);
      return [job.name, cron];
    }),
  ) as Record<(typeof jobs)[number]["name"], Cron>;

  // Bounces and complaints suppress addresses as SES reports them (SES → SNS → function).
  for (const source of eventHandlers) {
    const handler = new LambdaFunction(stack, `Event-${source.name}`, {
      handler: source.entry.replace(/\.ts$/, ".handler"),
      timeout: "60 seconds",
      environment,
    });
    table.cdk.table.grantReadWriteData(handler);
    mail.bouncesAndComplaints.addSubscription(new LambdaSubscription(handler));
  }

  return crons;
}
