import * as Reports from "@cluster/core/report/deliver";

/** Coordinator reports on their calendar: weekly on Mondays, monthly on the 1st (REPORT_SCHEDULE). */
export async function handler() {
  const result = await Reports.sendDueReports();
  console.log(JSON.stringify({ level: "info", msg: "coordinator reports", ...result }));
  return result;
}
