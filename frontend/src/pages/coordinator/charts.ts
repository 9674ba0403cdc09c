import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

// Only what the dashboard draws, so the bundler leaves the rest of chart.js out.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export interface Series {
  label: string;
  data: (number | null)[];
  type: "bar" | "line";
  color: string;
  /** Drawn against the right-hand 0–100 % axis. */
  percent?: boolean;
}

const number = new Intl.NumberFormat("ru-RU");

/** Draws a chart into the canvas; returns what removes it. */
export function drawChart(canvas: HTMLCanvasElement, labels: string[], series: Series[]) {
  const hasPercent = series.some((one) => one.percent);
  const chart = new Chart(canvas, {
    data: {
      labels,
      datasets: series.map((one) => ({
        type: one.type,
        label: one.label,
        data: one.data,
        backgroundColor: one.color,
        borderColor: one.color,
        yAxisID: one.percent ? "percent" : "y",
        order: one.type === "line" ? 0 : 1,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: "ru-RU",
      plugins: { legend: { position: "bottom" } },
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0, callback: (value) => number.format(Number(value)) } },
        ...(hasPercent
          ? {
              percent: {
                position: "right" as const,
                min: 0,
                max: 100,
                grid: { drawOnChartArea: false },
                ticks: { callback: (value: string | number) => `${value} %` },
              },
            }
          : {}),
      },
    },
  });
  return () => chart.destroy();
}
