import type * as Echarts from 'echarts';

/** ECharts, loaded by `chartsReady` when a page with charts is first drawn: it is tens of MB resident, and few pages chart. */
let echarts: typeof Echarts | undefined;

/** Loads the chart renderer; call (and await) before drawing. */
export async function chartsReady(): Promise<void> {
  echarts ??= await import('echarts');
}

const BRAND = '#0f766e';
const PALETTE = [BRAND, '#1d4ed8', '#92400e', '#7c3aed', '#b91c1c', '#166534', '#4b5563'];
const TEXT = { color: '#1f2937', fontSize: 13 };
/** Axis figures short enough not to run into each other on a phone: 1.2K, 15K. */
const compactFormat = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const compact = (v: number) => compactFormat.format(v);

export interface Series {
  labels: string[];
  values: number[];
}

/**
 * Draws a chart with ECharts' server-side renderer into an SVG string: no script reaches the browser.
 * The root element is made to scale (viewBox only) and named for screen readers, which also get the
 * figures as a table beside it.
 */
function render(option: Echarts.EChartsCoreOption, label: string, width: number, height: number): string {
  // The same figures draw the same chart: drawing costs tens of milliseconds, a dashboard reloads often.
  const key = JSON.stringify([option, label, width, height]);
  const cached = drawn.get(key);
  if (cached) return cached;
  const svg = draw(option, label, width, height);
  if (drawn.size >= CACHE_SIZE) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, svg);
  return svg;
}

const CACHE_SIZE = 300;
const drawn = new Map<string, string>();

function draw(option: Echarts.EChartsCoreOption, label: string, width: number, height: number): string {
  if (!echarts) throw new Error('chartsReady() was not awaited before drawing a chart');
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, color: PALETTE, textStyle: TEXT, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const escaped = label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  // ecmeta_* attributes are for ECharts' browser-side hydration, which this page has none of (and HTML does not allow).
  return svg
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/^<svg[^>]*>/, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escaped}">`);
}

/** Bars over days (or any ordered labels), for one series. */
export function columnChart(data: Series, label: string): string {
  return render(
    {
      grid: { left: 64, right: 12, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: data.labels, axisLabel: { ...TEXT, hideOverlap: true } },
      yAxis: { type: 'value', splitNumber: 4, axisLabel: { ...TEXT, formatter: compact } },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: BRAND } }],
    },
    label,
    400,
    240,
  );
}

/** Horizontal bars, longest first: categories, vets, utilisation. */
export function barChart(data: Series, label: string, max?: number): string {
  const rows = Math.max(data.labels.length, 1);
  return render(
    {
      grid: { left: 12, right: 24, top: 8, bottom: 28, containLabel: true },
      xAxis: { type: 'value', max, ...(max ? { interval: max / 4 } : { splitNumber: 3 }), axisLabel: { ...TEXT, formatter: compact } },
      yAxis: { type: 'category', inverse: true, data: data.labels, axisLabel: { ...TEXT, width: 130, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: BRAND }, barMaxWidth: 28 }],
    },
    label,
    400,
    48 + rows * 36,
  );
}

/** Parts of a whole: products against services, patients by standing. */
export function donutChart(data: Series, label: string): string {
  return render(
    {
      legend: { bottom: 0, textStyle: TEXT },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          center: ['50%', '44%'],
          label: { show: false },
          data: data.labels.map((name, i) => ({ name, value: data.values[i] })),
        },
      ],
    },
    label,
    400,
    240,
  );
}
