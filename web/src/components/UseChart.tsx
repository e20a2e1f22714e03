// A stacked bar chart of uses per period and action, drawn as SVG by
// Preact: no chart library, nothing inline for the CSP to refuse (colours
// come from classes in styles.css; the hatching patterns are SVG <pattern>s
// referenced by attribute). Actions differ by colour, by pattern (solid,
// stripes, dots, cross-hatch) and by the legend; the numbers are written on
// the bars where they fit, and the same numbers are in the table that the
// report shows under the chart (the chart's text alternative).
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { USE_ACTIONS, type ActionCounts, type UseAction } from '../api/types.ts';
import { useI18n } from '../context.ts';
import { niceScale, stackSegments, total, type PeriodRow } from '../followup.ts';

/** The <pattern> of one action; `id` is the chart's own prefix. */
function ActionPattern({ id, action }: { id: string; action: UseAction }) {
  const fill = <rect width="8" height="8" class={`chart-fill-${action}`} />;
  switch (action) {
    case 'blocked':
      return (
        <pattern id={`${id}-${action}`} patternUnits="userSpaceOnUse" width="8" height="8">
          {fill}
        </pattern>
      );
    case 'detected':
      return (
        <pattern id={`${id}-${action}`} patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">
          {fill}
          <line x1="0" y1="0" x2="0" y2="8" class="chart-hatch" stroke-width="3" />
        </pattern>
      );
    case 'false_positive':
      return (
        <pattern id={`${id}-${action}`} patternUnits="userSpaceOnUse" width="8" height="8">
          {fill}
          <circle cx="4" cy="4" r="1.8" class="chart-dot" />
        </pattern>
      );
    case 'not_relevant':
      return (
        <pattern id={`${id}-${action}`} patternUnits="userSpaceOnUse" width="8" height="8">
          {fill}
          <path d="M0 4H8M4 0V8" class="chart-hatch" stroke-width="1.5" />
        </pattern>
      );
  }
}

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      {USE_ACTIONS.map((a) => (
        <ActionPattern key={a} id={id} action={a} />
      ))}
    </defs>
  );
}

/** The legend: pattern swatch, action, total over the chart. */
export function UseLegend({ totals }: { totals: ActionCounts }) {
  const { t } = useI18n();
  const id = `legend${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  return (
    <ul class="chart-legend" aria-label={t('report.legend')}>
      {USE_ACTIONS.map((a) => (
        <li key={a} data-action={a}>
          <svg class="chart-swatch" width="22" height="16" aria-hidden="true" focusable="false">
            <Patterns id={id} />
            <rect x="0.5" y="0.5" width="21" height="15" rx="2" fill={`url(#${id}-${a})`} class="chart-outline" />
          </svg>
          {t('report.legendItem', { action: t(`useAction.${a}`), count: totals[a] })}
        </li>
      ))}
    </ul>
  );
}

const HEIGHT = 300;
const MARGIN = { top: 22, right: 12, bottom: 46, left: 46 };

/** Follows the element's width (the chart redraws when the window or the layout changes). */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(Math.max(280, Math.floor(el.clientWidth)));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

export function UseChart(props: {
  rows: PeriodRow[];
  /** A period label for people: "2026年度 上期". */
  labelOf: (period: string) => string;
  /** The chart's accessible name. */
  title: string;
  /** A sentence summing the chart up for screen readers. */
  summary: string;
}) {
  const { t } = useI18n();
  const id = `chart${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [ref, width] = useWidth<HTMLDivElement>(800);
  const rows = props.rows;
  const scale = niceScale(Math.max(0, ...rows.map((r) => r.total)));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = rows.length ? plotW / rows.length : plotW;
  const barW = Math.max(4, Math.min(64, band * 0.62));
  const y = (v: number) => MARGIN.top + plotH - (v / scale.max) * plotH;
  const x = (i: number) => MARGIN.left + i * band + (band - barW) / 2;
  // Label every k-th period, counted back from the latest, when the labels would overlap (about 7 px a character).
  const longest = Math.max(1, ...rows.map((r) => props.labelOf(r.period).length));
  const every = Math.max(1, Math.ceil((longest * 7 + 8) / band));
  const index = new Map(rows.map((r, i) => [r.period, i]));

  return (
    <div class="chart-plot" ref={ref}>
      <svg
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        class="chart-svg"
        data-testid="use-chart"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.summary}</desc>
        <Patterns id={id} />
        <g class="chart-grid" aria-hidden="true">
          {scale.ticks.map((v) => (
            <g key={v}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} class={v === 0 ? 'chart-axis' : 'chart-gridline'} />
              <text x={MARGIN.left - 8} y={y(v)} dy="0.32em" text-anchor="end" class="chart-tick">
                {v}
              </text>
            </g>
          ))}
          <text x={12} y={MARGIN.top + plotH / 2} text-anchor="middle" class="chart-tick" transform={`rotate(-90 12 ${MARGIN.top + plotH / 2})`}>
            {t('report.axis')}
          </text>
        </g>
        <g class="chart-bars">
          {stackSegments(rows).map((s) => {
            const i = index.get(s.period) ?? 0;
            const top = y(s.y1);
            const h = y(s.y0) - top;
            const label = String(s.count);
            const pillW = label.length * 7 + 8;
            return (
              <g key={`${s.period}-${s.action}`} data-period={s.period} data-action={s.action}>
                <rect x={x(i)} y={top} width={barW} height={h} fill={`url(#${id}-${s.action})`} class="chart-outline">
                  <title>{`${props.labelOf(s.period)} — ${t(`useAction.${s.action}`)}: ${s.count}`}</title>
                </rect>
                {h >= 18 && barW >= pillW + 2 && (
                  <g class="chart-value" aria-hidden="true">
                    <rect x={x(i) + barW / 2 - pillW / 2} y={top + h / 2 - 8} width={pillW} height="16" rx="3" />
                    <text x={x(i) + barW / 2} y={top + h / 2} dy="0.35em" text-anchor="middle">
                      {label}
                    </text>
                  </g>
                )}
              </g>
            );
          })}
        </g>
        <g class="chart-labels" aria-hidden="true">
          {rows.map((r, i) => (
            <g key={r.period}>
              {r.total > 0 && (
                <text x={x(i) + barW / 2} y={y(r.total) - 6} text-anchor="middle" class="chart-total">
                  {total(r.counts)}
                </text>
              )}
              {(rows.length - 1 - i) % every === 0 && (
                <text x={x(i) + barW / 2} y={HEIGHT - MARGIN.bottom + 18} text-anchor="middle" class="chart-tick">
                  {props.labelOf(r.period)}
                </text>
              )}
            </g>
          ))}
        </g>
      </svg>
    </div>
  );
}
