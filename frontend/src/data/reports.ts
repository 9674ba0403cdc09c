import type { Report, ReportQuery, Series } from "@cluster/core/report/schema";
import { query } from "@solidjs/router";
import { api, queryString } from "./api";

export const getReport = query(
  (period: ReportQuery) => api.get<Report>(`/api/reports/figures${queryString(period)}`),
  "report",
);

export const getSeries = query(
  (months: number) => api.get<Series>(`/api/reports/series${queryString({ months })}`),
  "report-series",
);

/** Where the browser downloads a period's report: a plain link, so the browser saves the file. */
export const reportFileUrl = (period: ReportQuery, format: "csv" | "xlsx") =>
  `/api/reports/file${queryString({ ...period, format })}`;
