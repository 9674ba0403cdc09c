import { Cron, type StackContext, use } from "sst/constructs";
import { jobs } from "../functions/src/jobs/schedule";
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

  return crons;
}
