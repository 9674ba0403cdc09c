import { Report, ReportFileQuery, ReportQuery, Series, SeriesQuery } from "@cluster/core/report/schema";
import { XLSX_TYPE } from "@cluster/core/report/xlsx";
import { operations } from "../http/operation";

const tag = "Отчёты";

export const reportOperations = operations({
  getReportFigures: {
    method: "get",
    path: "/api/reports/figures",
    summary:
      "A period's figures (members, Resource Bank, consultations, digest reach) with the change against the period before",
    tag,
    access: "coordinator",
    query: ReportQuery,
    response: Report,
  },
  getReportSeries: {
    method: "get",
    path: "/api/reports/series",
    summary: "Headline figures per month over the last months, the current one included (dashboard charts)",
    tag,
    access: "coordinator",
    query: SeriesQuery,
    response: Series,
  },
  downloadReport: {
    method: "get",
    path: "/api/reports/file",
    summary: "A period's report as a file: CSV (UTF-8 with BOM, semicolons) or XLSX",
    tag,
    access: "coordinator",
    query: ReportFileQuery,
    produces: ["text/csv", XLSX_TYPE],
  },
});
