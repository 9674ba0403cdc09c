import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { build, STEPS } from "@cluster/core/report/figures";
import { reportFile } from "@cluster/core/report/files";
import { formatChange, formatValue, periodLabel } from "@cluster/core/report/format";
import { ReportQuery } from "@cluster/core/report/schema";
import { attachLocal } from "./attach";

/**
 * `npm run report -- --from 2026-11-01 --to 2026-11-30`: one coordinator report against the local
 * portal's data, written as CSV and XLSX to the current directory, its figures printed.
 */
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } }, strict: true });
const parsed = ReportQuery.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`--${issue.path.join(".") || "from"}: ${issue.message}`);
  console.error("Пример: npm run report -- --from 2026-11-01 --to 2026-11-30");
  process.exit(2);
}

/** A bar on stderr, redrawn in place, so stdout stays the report alone. */
function progressBar() {
  let done = 0;
  const width = 24;
  const draw = (label: string) => {
    const filled = Math.round((done / STEPS) * width);
    process.stderr.write(
      `\r[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${STEPS} ${label.padEnd(16)}`,
    );
  };
  draw("чтение");
  return (step: string) => {
    done++;
    draw(step);
    if (done === STEPS) process.stderr.write("\n");
  };
}

const local = await attachLocal();
try {
  const report = await build(parsed.data, { progress: progressBar() });
  const paths = (["csv", "xlsx"] as const).map((format) => {
    const file = reportFile(report, format);
    // npm runs scripts from the repository root; INIT_CWD is where the person typed the command.
    const path = resolve(process.env.INIT_CWD ?? process.cwd(), file.fileName);
    writeFileSync(path, file.content);
    return path;
  });
  console.log(
    `Отчёт кластера: ${periodLabel(report.period)} (сравнение с ${periodLabel(report.previousPeriod)})`,
  );
  let section = "";
  for (const line of report.lines) {
    if (line.section !== section) {
      section = line.section;
      console.log(`\n${section}`);
    }
    console.log(
      `  ${line.name.padEnd(48)} ${formatValue(line.current).padStart(10)} ${formatValue(line.previous).padStart(10)}  ${formatChange(line)}`,
    );
  }
  console.log(`\nФайлы:\n${paths.map((path) => `  ${path}`).join("\n")}`);
} finally {
  await local.stop();
}
