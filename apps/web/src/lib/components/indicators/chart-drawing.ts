import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import type { BarChartModel, ReferenceLine, TrendChartModel } from '$lib/indicators.js';

/**
 * Chart.js drawing for the bureau's indicator pages only: this module is imported dynamically from the chart
 * component, so learners' pages never load it. Every chart writes its values beside the bars or points and labels its
 * reference lines directly (target dashed, county dotted), so nothing depends on colour or on hovering.
 */

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

const INK = '#1b1b1b';
const MUTED = '#454545';
const BRAND = '#0b4f6c';
const TARGET = '#8a5a00';
const GRID = '#d5dadc';

export type ChartSpec =
  | { kind: 'bar'; model: BarChartModel; tick: (value: number) => string; whole: boolean }
  | { kind: 'trend'; model: TrendChartModel; tick: (value: number) => string; whole: boolean };

/** Axis settings for counts (whole numbers: no 0.5 ticks, and room above a row of zeros) or for rates. */
function axisFor(whole: boolean, largest: number) {
  return whole
    ? { suggestedMax: Math.max(largest * 1.05, 5), precision: 0 }
    : { suggestedMax: largest * 1.05 };
}

/** The page's own type: the body's font family, and a size that follows elder mode's larger root size. */
function fonts() {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 18;
  return { family: getComputedStyle(document.body).fontFamily, size: Math.round(root * 0.85) };
}

function lineDash(kind: ReferenceLine['kind']): number[] {
  return kind === 'target' ? [8, 5] : [2, 4];
}

/** Writes each value at the end of its bar, or beside its point; a suppressed cell's reason sits at the axis. */
function valueLabels(labels: string[], horizontal: boolean, size: number): Plugin {
  return {
    id: 'valueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      ctx.save();
      ctx.font = `700 ${size}px ${chart.options.font?.family ?? 'sans-serif'}`;
      /** The label on a white ground, so a reference line crossing it never makes it hard to read. */
      const write = (text: string, x: number, y: number, colour: string) => {
        const width = ctx.measureText(text).width;
        const left = ctx.textAlign === 'center' ? x - width / 2 : x;
        const top = ctx.textBaseline === 'middle' ? y - size * 0.65 : y - size * 1.2;
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(left - 2, top, width + 4, size * 1.3);
        ctx.fillStyle = colour;
        ctx.fillText(text, x, y);
      };
      labels.forEach((text, i) => {
        const value = chart.data.datasets[0].data[i];
        if (horizontal) {
          const y = chart.scales.y.getPixelForValue(i);
          const x = value === null ? chart.scales.x.getPixelForValue(0) : meta.data[i].x;
          ctx.textAlign = 'left';
          ctx.textBaseline = 'middle';
          write(text, x + 6, y, value === null ? MUTED : INK);
        } else if (value !== null) {
          const point = meta.data[i];
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          write(text, point.x, point.y - 12, INK);
        } else {
          // No point to draw (hidden, or no figure): the reason stands at the bottom of its year.
          ctx.textAlign = 'center';
          ctx.textBaseline = 'bottom';
          write(text, chart.scales.x.getPixelForValue(i), chart.chartArea.bottom - 6, MUTED);
        }
      });
      ctx.restore();
    },
  };
}

/** Target and county lines, each named at its end in the same colour and dash as the line. */
function referenceLines(references: ReferenceLine[], horizontal: boolean, size: number): Plugin {
  return {
    id: 'referenceLines',
    afterDatasetsDraw(chart) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `700 ${size}px ${chart.options.font?.family ?? 'sans-serif'}`;
      references.forEach((ref, i) => {
        const colour = ref.kind === 'target' ? TARGET : MUTED;
        ctx.strokeStyle = colour;
        ctx.fillStyle = colour;
        ctx.lineWidth = 2;
        ctx.setLineDash(lineDash(ref.kind));
        ctx.beginPath();
        if (horizontal) {
          const x = chart.scales.x.getPixelForValue(ref.value);
          ctx.moveTo(x, chartArea.top);
          ctx.lineTo(x, chartArea.bottom);
          ctx.stroke();
          ctx.textBaseline = 'bottom';
          // Two labels near each other would overlap: the second sits under the chart's top edge on the other side.
          ctx.textAlign = i % 2 === 0 ? 'left' : 'right';
          ctx.fillText(ref.label, x + (i % 2 === 0 ? 4 : -4), chartArea.top - 2);
        } else {
          const y = chart.scales.y.getPixelForValue(ref.value);
          ctx.moveTo(chartArea.left, y);
          ctx.lineTo(chartArea.right, y);
          ctx.stroke();
          ctx.textAlign = 'right';
          ctx.textBaseline = 'bottom';
          ctx.fillText(ref.label, chartArea.right, y - 3);
        }
      });
      ctx.restore();
    },
  };
}

function barConfig(
  model: BarChartModel,
  tick: (value: number) => string,
  font: { family: string; size: number },
  whole: boolean,
): ChartConfiguration<'bar', Array<number | null>, string> {
  const largest = Math.max(
    0,
    ...model.values.filter((v) => v !== null),
    ...model.references.map((r) => r.value),
  );
  return {
    type: 'bar',
    data: {
      labels: model.labels,
      datasets: [{ data: model.values, backgroundColor: BRAND, borderColor: BRAND, maxBarThickness: 26 }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      font,
      // Room for the value written after the longest bar, and for the reference lines' names above.
      layout: { padding: { right: font.size * 7, top: model.references.length ? font.size + 8 : 4 } },
      scales: {
        x: {
          beginAtZero: true,
          suggestedMax: axisFor(whole, largest).suggestedMax,
          grid: { color: GRID },
          border: { color: MUTED },
          ticks: {
            color: INK,
            font,
            precision: axisFor(whole, largest).precision,
            callback: (value) => tick(Number(value)),
          },
        },
        y: {
          grid: { display: false },
          border: { color: MUTED },
          ticks: { color: INK, font, autoSkip: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => model.valueLabels[item.dataIndex] } },
      },
    },
    plugins: [
      referenceLines(model.references, true, font.size),
      valueLabels(model.valueLabels, true, font.size),
    ],
  };
}

function trendConfig(
  model: TrendChartModel,
  tick: (value: number) => string,
  font: { family: string; size: number },
  startAtZero: boolean,
  whole: boolean,
): ChartConfiguration<'line', Array<number | null>, string> {
  const largest = Math.max(
    0,
    ...model.values.filter((v) => v !== null),
    ...model.references.map((r) => r.value),
  );
  const axis = axisFor(whole, largest);
  return {
    type: 'line',
    data: {
      labels: model.labels,
      datasets: [
        {
          data: model.values,
          borderColor: BRAND,
          borderWidth: 3,
          // Frozen figures of closed years: solid diamonds; provisional ones: hollow circles.
          pointStyle: model.frozen.map((f) => (f ? 'rectRot' : 'circle')),
          pointRadius: model.frozen.map((f) => (f ? 9 : 7)),
          pointBackgroundColor: model.frozen.map((f) => (f ? BRAND : '#ffffff')),
          pointBorderColor: BRAND,
          pointBorderWidth: 3,
          spanGaps: false,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      font,
      layout: { padding: { top: font.size * 2, left: 8, right: 16 } },
      scales: {
        x: {
          offset: true,
          grid: { display: false },
          border: { color: MUTED },
          ticks: { color: INK, font },
        },
        y: {
          beginAtZero: startAtZero,
          // Rates and years find their own range (with grace); counts get whole-number ticks and room above zero.
          suggestedMax: whole ? axis.suggestedMax : undefined,
          grace: '15%',
          grid: { color: GRID },
          border: { color: MUTED },
          ticks: { color: INK, font, precision: axis.precision, callback: (value) => tick(Number(value)) },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => model.valueLabels[item.dataIndex] } },
      },
    },
    plugins: [
      referenceLines(model.references, false, font.size),
      valueLabels(model.valueLabels, false, font.size),
    ],
  };
}

/** Draws a chart on the canvas; the caller destroys it when the page changes or leaves. */
export function drawChart(
  canvas: HTMLCanvasElement,
  spec: ChartSpec,
  startAtZero = true,
): { destroy(): void } {
  const font = fonts();
  return spec.kind === 'bar'
    ? new Chart(canvas, barConfig(spec.model, spec.tick, font, spec.whole))
    : new Chart(canvas, trendConfig(spec.model, spec.tick, font, startAtZero, spec.whole));
}
