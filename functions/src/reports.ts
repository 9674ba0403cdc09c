import * as Reports from "@cluster/core/report/figures";
import { reportOperations as op } from "./contracts/reports";
import { bind } from "./http/app";
import { handle } from "./http/lambda";
import { createAreaApp } from "./http/session";

export const app = createAreaApp();

bind(app, op.getReportFigures, ({ actor, query }) => Reports.report(actor, query));
bind(app, op.getReportSeries, ({ actor, query }) => Reports.series(actor, query));
bind(app, op.downloadReport, async ({ actor, query }, c) => {
  const file = await Reports.file(actor, query);
  return c.body(typeof file.content === "string" ? file.content : new Uint8Array(file.content), 200, {
    "content-type": file.contentType,
    "content-disposition": `attachment; filename="${file.fileName}"`,
  });
});

export const handler = handle(app);
