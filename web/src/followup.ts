// Data shaping for the follow-up views (活用状況のフォローアップ): the
// report's periods as a continuous chart axis, stacked bar segments, a
// readable y scale, the report's filter in the URL, times typed into the
// sighting form. Pure functions, unit-tested in test/unit/followup.test.ts.
//
// Periods follow Japan time as the portal's do (src/catalog/follow_up.cpp,
// PeriodLabel): "2026-05" (month), "2026-Q2" (calendar quarter),
// "FY2026-H1" (fiscal half, April–September), "FY2026" (fiscal year,
// April–March).
import {
  REPORT_PERIODS, USE_ACTIONS, type ActionCounts, type ReportPeriod, type UseAction, type UseReport,
  type UseReportFilter,
} from './api/types.ts';
import type { TimeZoneChoice } from './format.ts';

const JST_OFFSET_MS = 9 * 3600 * 1000;

/** The period `time` falls in, in Japan time: periodOf("2026-03-31T15:00:00Z", "half") = "FY2026-H1". */
export function periodOf(time: Date | string, period: ReportPeriod): string {
  const d = typeof time === 'string' ? new Date(time) : time;
  if (Number.isNaN(d.getTime())) return '';
  const jst = new Date(d.getTime() + JST_OFFSET_MS);
  const year = jst.getUTCFullYear();
  const month = jst.getUTCMonth() + 1;
  const fiscalYear = month >= 4 ? year : year - 1;
  switch (period) {
    case 'month':
      return `${pad(year, 4)}-${pad(month, 2)}`;
    case 'quarter':
      return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
    case 'half':
      return `FY${pad(fiscalYear, 4)}-H${month >= 4 && month <= 9 ? 1 : 2}`;
    case 'fiscal-year':
      return `FY${pad(fiscalYear, 4)}`;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** A period label taken apart; undefined when it is not one of `period`'s labels. */
export function parsePeriodLabel(label: string, period: ReportPeriod): { year: number; part: number } | undefined {
  const patterns: Record<ReportPeriod, RegExp> = {
    month: /^(\d{4})-(\d{2})$/,
    quarter: /^(\d{4})-Q([1-4])$/,
    half: /^FY(\d{4})-H([12])$/,
    'fiscal-year': /^FY(\d{4})$/,
  };
  const m = patterns[period].exec(label);
  if (!m) return undefined;
  const year = Number(m[1]);
  const part = m[2] === undefined ? 0 : Number(m[2]);
  if (period === 'month' && (part < 1 || part > 12)) return undefined;
  return { year, part };
}

/** The period after `label`: "2026-12" → "2027-01", "FY2026-H2" → "FY2027-H1". */
export function nextPeriod(label: string, period: ReportPeriod): string | undefined {
  const p = parsePeriodLabel(label, period);
  if (!p) return undefined;
  switch (period) {
    case 'month':
      return p.part === 12 ? `${pad(p.year + 1, 4)}-01` : `${pad(p.year, 4)}-${pad(p.part + 1, 2)}`;
    case 'quarter':
      return p.part === 4 ? `${pad(p.year + 1, 4)}-Q1` : `${pad(p.year, 4)}-Q${p.part + 1}`;
    case 'half':
      return p.part === 2 ? `FY${pad(p.year + 1, 4)}-H1` : `FY${pad(p.year, 4)}-H2`;
    case 'fiscal-year':
      return `FY${pad(p.year + 1, 4)}`;
  }
}

/** The period before `label`: "2027-01" → "2026-12", "FY2027-H1" → "FY2026-H2". */
export function previousPeriod(label: string, period: ReportPeriod): string | undefined {
  const p = parsePeriodLabel(label, period);
  if (!p) return undefined;
  switch (period) {
    case 'month':
      return p.part === 1 ? `${pad(p.year - 1, 4)}-12` : `${pad(p.year, 4)}-${pad(p.part - 1, 2)}`;
    case 'quarter':
      return p.part === 1 ? `${pad(p.year - 1, 4)}-Q4` : `${pad(p.year, 4)}-Q${p.part - 1}`;
    case 'half':
      return p.part === 1 ? `FY${pad(p.year - 1, 4)}-H2` : `FY${pad(p.year, 4)}-H1`;
    case 'fiscal-year':
      return `FY${pad(p.year - 1, 4)}`;
  }
}

/** How many periods the chart shows at least when the filter sets no dates: a year of months, two years of quarters, three fiscal years of halves, five fiscal years. */
export const CONTEXT_PERIODS: Record<ReportPeriod, number> = { month: 12, quarter: 8, half: 6, 'fiscal-year': 5 };

/** Every period from `first` to `last` inclusive (at most `max`; [] when last is before first). */
export function periodRange(first: string, last: string, period: ReportPeriod, max = 120): string[] {
  const out: string[] = [];
  let p: string | undefined = first;
  while (p !== undefined && p <= last && out.length < max) {
    out.push(p);
    p = nextPeriod(p, period);
  }
  return out;
}

export function emptyCounts(): ActionCounts {
  return { blocked: 0, detected: 0, false_positive: 0, not_relevant: 0 };
}

export function total(counts: ActionCounts): number {
  return USE_ACTIONS.reduce((sum, a) => sum + (counts[a] ?? 0), 0);
}

export interface PeriodRow {
  period: string;
  counts: ActionCounts;
  total: number;
}

/**
 * The report's by_period as a continuous axis: periods without uses appear
 * with zeros. With `from` and `to` (RFC 3339; `to` exclusive) the axis spans
 * them; without, it ends with the current period (or the last with uses)
 * and goes back at least CONTEXT_PERIODS, so that this period is seen next
 * to the ones before. At most `max` periods, the latest kept; periods with
 * uses are never left out.
 */
export function periodRows(
  byPeriod: UseReport['by_period'],
  period: ReportPeriod,
  bounds: { from?: string | undefined; to?: string | undefined } = {},
  now: Date = new Date(),
  max = 60,
): PeriodRow[] {
  const known = new Map(byPeriod.map((p) => [p.period, p.counts]));
  const labels = byPeriod.map((p) => p.period).sort();
  let last = bounds.to ? periodOf(new Date(new Date(bounds.to).getTime() - 1), period) : periodOf(now, period);
  if (labels.length && labels[labels.length - 1]! > last) last = labels[labels.length - 1]!;
  let first = bounds.from ? periodOf(bounds.from, period) : undefined;
  if (!first) {
    first = last;
    for (let i = 1; i < CONTEXT_PERIODS[period]; i++) first = previousPeriod(first, period) ?? first;
  }
  if (labels.length && labels[0]! < first) first = labels[0]!;
  if (!first || !last || first > last) return [];
  let range = periodRange(first, last, period, 100_000);
  if (range.length > max) range = range.slice(range.length - max);
  for (const l of labels) if (!range.includes(l)) range.push(l);
  range.sort();
  return range.map((label) => {
    const counts = { ...emptyCounts(), ...(known.get(label) ?? {}) };
    return { period: label, counts, total: total(counts) };
  });
}

export interface Segment {
  period: string;
  action: UseAction;
  count: number;
  /** Stacked from y0 to y1, in uses. */
  y0: number;
  y1: number;
}

/** Stacked bar segments, actions in USE_ACTIONS order from the bottom; zero counts are left out. */
export function stackSegments(rows: PeriodRow[]): Segment[] {
  const out: Segment[] = [];
  for (const r of rows) {
    let y = 0;
    for (const action of USE_ACTIONS) {
      const count = r.counts[action] ?? 0;
      if (count <= 0) continue;
      out.push({ period: r.period, action, count, y0: y, y1: y + count });
      y += count;
    }
  }
  return out;
}

/** A y axis from 0 with round steps (1, 2, 5 × 10^n) and at most about `maxTicks` intervals. */
export function niceScale(maxValue: number, maxTicks = 5): { max: number; step: number; ticks: number[] } {
  const m = Math.max(1, Math.ceil(maxValue));
  const raw = m / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let step = magnitude;
  for (const f of [1, 2, 5, 10]) {
    step = f * magnitude;
    if (step >= raw) break;
  }
  step = Math.max(1, step);
  const max = Math.ceil(m / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { max, step, ticks };
}

/** Counts per action of a list of uses. */
export function countActions(uses: { action: UseAction }[]): ActionCounts {
  const c = emptyCounts();
  for (const u of uses) c[u.action] += 1;
  return c;
}

// --- the report's filter in the URL ---------------------------------------

/** The report's filter as the page's query keeps it: dates are Japan-time days, "YYYY-MM-DD", `to` inclusive. */
export interface ReportQuery {
  period: ReportPeriod;
  from?: string;
  to?: string;
  provider?: string;
}

export const DEFAULT_REPORT_PERIOD: ReportPeriod = 'half';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function validDate(s: string | null): string | undefined {
  if (!s || !DATE.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : s;
}

/** /reports/follow-up?period=month&from=2026-04-01 → its filter; unknown values are dropped. */
export function reportQueryFromUrl(q: URLSearchParams): ReportQuery {
  const p = q.get('period');
  const r: ReportQuery = {
    period: p && (REPORT_PERIODS as readonly string[]).includes(p) ? (p as ReportPeriod) : DEFAULT_REPORT_PERIOD,
  };
  const from = validDate(q.get('from'));
  if (from) r.from = from;
  const to = validDate(q.get('to'));
  if (to) r.to = to;
  const provider = q.get('provider');
  if (provider && /^\d+$/.test(provider)) r.provider = provider;
  return r;
}

/** The start of a Japan-time day as RFC 3339: "2026-04-01" → "2026-04-01T00:00:00+09:00". */
export function jstDayStart(day: string): string {
  return `${day}T00:00:00+09:00`;
}

/** The start of the Japan-time day after `day` (the API's `to` is exclusive). */
export function jstNextDayStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return jstDayStart(d.toISOString().slice(0, 10));
}

/** The API's filter for a report query. */
export function reportFilter(q: ReportQuery): UseReportFilter {
  const f: UseReportFilter = { period: q.period };
  if (q.from) f.from = jstDayStart(q.from);
  if (q.to) f.to = jstNextDayStart(q.to);
  if (q.provider) f.provider = q.provider;
  return f;
}

// --- the sighting form ----------------------------------------------------

/**
 * A <input type="datetime-local"> value ("2026-05-01T09:30") as RFC 3339,
 * read in the zone the user shows times in: Japan time → "+09:00", UTC → "Z",
 * the browser's zone → its offset. "" when empty or unreadable.
 */
export function localInputToIso(value: string, zone: TimeZoneChoice): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return '';
  const time = `${m[1]}T${m[2]}${m[3] ?? ':00'}`;
  if (zone === 'Asia/Tokyo') return `${time}+09:00`;
  if (zone === 'UTC') return `${time}Z`;
  const d = new Date(time); // no offset: the browser's own zone
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** Now as a datetime-local value in `zone` ("2026-05-01T09:30"), for the form's defaults. */
export function nowForInput(zone: TimeZoneChoice, now: Date = new Date()): string {
  if (zone === 'local') {
    const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 16);
  }
  const offset = zone === 'Asia/Tokyo' ? JST_OFFSET_MS : 0;
  return new Date(now.getTime() + offset).toISOString().slice(0, 16);
}

/** A terminal of a sighting (hunt reports {"client": "10.1.2.3", ...}) as one short line. */
export function terminalLabel(t: unknown): string {
  if (typeof t === 'string' || typeof t === 'number') return String(t);
  if (t && typeof t === 'object') {
    const o = t as Record<string, unknown>;
    if (typeof o.client === 'string' && o.client) return o.client;
    return Object.entries(o)
      .filter(([, v]) => v !== null && typeof v !== 'object')
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
  }
  return '';
}

/** Terminals typed one per line → the API's [{"client": …}]. */
export function parseTerminals(text: string): { client: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((client) => ({ client }));
}
