import type { LocalDate } from '@petfriendly/core';
import { useFormat } from './components';

/**
 * A small inline SVG line chart (weight over time): no script, prints and scales on a phone. Drawn
 * on a 400-unit-wide canvas so its labels read at about 12 px on a phone; dates are the reader's.
 */
export function LineChart(props: { points: { date: Date | LocalDate; value: number }[]; unit: string; label: string; width?: number; height?: number }) {
  const { points, unit } = props;
  const fmt = useFormat();
  const width = props.width ?? 400;
  const height = props.height ?? 200;
  const pad = { top: 14, right: 14, bottom: 30, left: 44 };
  if (points.length === 0) return null;
  const times = points.map((p) => (typeof p.date === 'string' ? Date.parse(p.date) : p.date.getTime()));
  const values = points.map((p) => p.value);
  const [tMin, tMax] = [Math.min(...times), Math.max(...times)];
  const [vMinRaw, vMaxRaw] = [Math.min(...values), Math.max(...values)];
  const spread = Math.max(vMaxRaw - vMinRaw, vMaxRaw * 0.1, 0.5);
  const vMin = Math.max(0, vMinRaw - spread * 0.2);
  const vMax = vMaxRaw + spread * 0.2;
  const x = (t: number) => pad.left + (tMax === tMin ? 0.5 : (t - tMin) / (tMax - tMin)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - vMin) / (vMax - vMin)) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(times[i]!).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const ticks = [vMin, (vMin + vMax) / 2, vMax];
  const dateLabels = points.length > 1 ? [points[0]!, points[points.length - 1]!] : [points[0]!];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={pad.left - 6} y={y(v) + 4} text-anchor="end" class="tick">
              {v.toFixed(1)}
            </text>
          </g>
        ))}
        <path d={path} class="line" fill="none" />
        {points.map((p, i) => (
          <circle cx={x(times[i]!)} cy={y(p.value)} r="4" class="dot">
            <title>{`${fmt.date(p.date)}: ${p.value} ${unit}`}</title>
          </circle>
        ))}
        {dateLabels.map((p, i) => (
          <text
            x={x(i === 0 ? times[0]! : times[times.length - 1]!)}
            y={height - 8}
            text-anchor={dateLabels.length === 1 ? 'middle' : i === 0 ? 'start' : 'end'}
            class="tick"
          >
            {fmt.date(p.date)}
          </text>
        ))}
      </svg>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}
