/**
 * `npm run bench:markdown`: how long the portal's Markdown renderer takes on hostile input of the
 * article limit (50,000 characters), and on a real article, beside markdown-it for scale.
 * A linear renderer stays in milliseconds; backtracking would take seconds.
 */
import MarkdownIt from "markdown-it";
import { renderMarkdown } from "../packages/core/src/shared/markdown";
import { demoMaterials } from "../packages/local/src/demo-learning-content";
import { pathologicalMarkdown } from "../tests/fixtures/markdown";

const markdownIt = new MarkdownIt({ html: false, linkify: true });

function median(render: (source: string) => unknown, source: string, runs = 7) {
  render(source);
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    render(source);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const article = demoMaterials.find((material) => material.body)?.body ?? "";
const rows = [["real article", article] as [string, string], ...pathologicalMarkdown].map(
  ([name, source]) => ({
    name,
    chars: source.length,
    ours: median(renderMarkdown, source),
    markdownIt: median((text) => markdownIt.render(text), source, 3),
  }),
);
console.log("Markdown rendering, median ms (ours · markdown-it):");
for (const row of rows) {
  console.log(
    `  ${row.name.padEnd(16)} ${String(row.chars).padStart(6)} chars  ${row.ours.toFixed(1).padStart(7)} · ${row.markdownIt.toFixed(1)}`,
  );
}
const worst = rows.reduce((a, b) => (b.ours > a.ours ? b : a));
console.log(`Slowest for ours: «${worst.name}», ${worst.ours.toFixed(1)} ms (budget 100 ms)`);
