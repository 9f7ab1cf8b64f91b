import { formatMoney } from '@petfriendly/core';
import { type PageContext, useFormat } from '@petfriendly/ui';

const LINKS = [
  ['/admin/competitors', 'competitive-intel:tabs.competitors'],
  ['/admin/competitors/pricing', 'competitive-intel:tabs.pricing'],
  ['/admin/competitors/visits', 'competitive-intel:tabs.visits'],
] as const;

export function Tabs({ ctx }: { ctx: PageContext }) {
  return (
    <nav class="tabs" aria-label={ctx.t('competitive-intel:nav.competitors')}>
      {LINKS.map(([href, key]) => (
        <a href={href} class={ctx.path === href ? 'active' : undefined} aria-current={ctx.path === href ? 'page' : undefined}>
          {ctx.t(key)}
        </a>
      ))}
    </nav>
  );
}

export const price = (value: string, lang: string) => formatMoney(value, 'MXN', lang === 'es' ? 'es-MX' : lang);

/** Series colours with enough contrast on white; ours is the brand's, drawn dashed. */
const PALETTE = ['#b4451f', '#1f6fb4', '#6b3fa0', '#2e7d32', '#8a6d00'];

interface Point {
  observedOn: string;
  price: string;
}

/**
 * Each competitor's price over time as a step line, and ours as a dashed level: drawn on the server
 * as SVG (no script, readable on a phone). The same figures are in the table beside it.
 */
export function PriceHistoryChart(props: { label: string; ours: string | null; ourLabel: string; series: { name: string; points: Point[] }[] }) {
  const fmt = useFormat();
  const width = 400;
  const height = 220;
  const pad = { top: 14, right: 14, bottom: 30, left: 54 };
  const all = props.series.flatMap((s) => s.points);
  if (all.length === 0) return null;
  const times = all.map((p) => Date.parse(p.observedOn));
  const values = [...all.map((p) => Number(p.price)), ...(props.ours ? [Number(props.ours)] : [])];
  const [tMin, tMax] = [Math.min(...times), Math.max(...times)];
  const spread = Math.max(Math.max(...values) - Math.min(...values), 50);
  const vMin = Math.max(0, Math.min(...values) - spread * 0.15);
  const vMax = Math.max(...values) + spread * 0.15;
  const x = (t: number) => pad.left + (tMax === tMin ? 0.5 : (t - tMin) / (tMax - tMin)) * (width - pad.left - pad.right);
  const y = (v: number) => pad.top + (1 - (v - vMin) / (vMax - vMin)) * (height - pad.top - pad.bottom);
  const steps = (points: Point[]) =>
    points
      .map((p, i) => {
        const px = x(Date.parse(p.observedOn)).toFixed(1);
        const py = y(Number(p.price)).toFixed(1);
        return i === 0 ? `M${px},${py}` : `H${px} V${py}`;
      })
      .join(' ') + ` H${x(tMax).toFixed(1)}`;
  const ticks = [vMin, (vMin + vMax) / 2, vMax];
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.label} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} class="grid" />
            <text x={pad.left - 6} y={y(v) + 4} text-anchor="end" class="tick">
              {Math.round(v)}
            </text>
          </g>
        ))}
        {props.ours ? (
          <line
            x1={pad.left}
            x2={width - pad.right}
            y1={y(Number(props.ours))}
            y2={y(Number(props.ours))}
            stroke="#111"
            stroke-width="2"
            stroke-dasharray="6 4"
          />
        ) : null}
        {props.series.map((s, i) => (
          <g>
            <path d={steps(s.points)} fill="none" stroke={PALETTE[i % PALETTE.length]} stroke-width="2.5" />
            {s.points.map((p) => (
              <circle cx={x(Date.parse(p.observedOn))} cy={y(Number(p.price))} r="3.5" fill={PALETTE[i % PALETTE.length]}>
                <title>{`${s.name}, ${fmt.date(p.observedOn)}: ${p.price}`}</title>
              </circle>
            ))}
          </g>
        ))}
        <text x={pad.left} y={height - 8} text-anchor="start" class="tick">
          {fmt.date(new Date(tMin).toISOString().slice(0, 10))}
        </text>
        <text x={width - pad.right} y={height - 8} text-anchor="end" class="tick">
          {fmt.date(new Date(tMax).toISOString().slice(0, 10))}
        </text>
      </svg>
      <figcaption>
        <span class="legend" style="display:flex;flex-wrap:wrap;gap:.4rem .9rem;justify-content:center">
          {props.ours ? <span style="border-bottom:2px dashed #111">{props.ourLabel}</span> : null}
          {props.series.map((s, i) => (
            <span style={`border-bottom:3px solid ${PALETTE[i % PALETTE.length]}`}>{s.name}</span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
