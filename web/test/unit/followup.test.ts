// The follow-up views' data shaping: periods in Japan time and fiscal years
// (April–March) as the portal labels them, the report's periods as a
// continuous chart axis, stacked segments, the y scale, the report's filter
// in the URL, and the sighting form's times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UseReport } from '../../src/api/types.ts';
import {
  countActions, jstNextDayStart, localInputToIso, nextPeriod, niceScale, nowForInput, parseTerminals, periodOf,
  periodRange, periodRows, previousPeriod, reportFilter, reportQueryFromUrl, stackSegments, terminalLabel,
} from '../../src/followup.ts';
import { makeTranslate } from '../../src/i18n/index.ts';
import { periodText } from '../../src/views/FollowUpReport.tsx';

const counts = (blocked = 0, detected = 0, false_positive = 0, not_relevant = 0) => ({ blocked, detected, false_positive, not_relevant });

test('periodOf labels times as the portal does, in Japan time', () => {
  // 2026-03-31 15:00 UTC is 2026-04-01 00:00 JST: the new fiscal year.
  assert.equal(periodOf('2026-03-31T15:00:00Z', 'month'), '2026-04');
  assert.equal(periodOf('2026-03-31T15:00:00Z', 'half'), 'FY2026-H1');
  assert.equal(periodOf('2026-03-31T14:59:59Z', 'half'), 'FY2025-H2');
  assert.equal(periodOf('2026-03-31T14:59:59Z', 'fiscal-year'), 'FY2025');
  assert.equal(periodOf('2026-09-30T14:59:59Z', 'half'), 'FY2026-H1');
  assert.equal(periodOf('2026-09-30T15:00:00Z', 'half'), 'FY2026-H2');
  assert.equal(periodOf('2027-01-10T00:00:00Z', 'half'), 'FY2026-H2');
  assert.equal(periodOf('2027-01-10T00:00:00Z', 'fiscal-year'), 'FY2026');
  assert.equal(periodOf('2026-06-30T16:00:00Z', 'quarter'), '2026-Q3');
  assert.equal(periodOf('not a time', 'month'), '');
});

test('nextPeriod and periodRange step through years', () => {
  assert.equal(nextPeriod('2026-12', 'month'), '2027-01');
  assert.equal(nextPeriod('2026-09', 'month'), '2026-10');
  assert.equal(nextPeriod('2026-Q4', 'quarter'), '2027-Q1');
  assert.equal(nextPeriod('FY2026-H1', 'half'), 'FY2026-H2');
  assert.equal(nextPeriod('FY2026-H2', 'half'), 'FY2027-H1');
  assert.equal(nextPeriod('FY2026', 'fiscal-year'), 'FY2027');
  assert.equal(nextPeriod('FY2026', 'month'), undefined, 'a label of another period');
  assert.equal(previousPeriod('2027-01', 'month'), '2026-12');
  assert.equal(previousPeriod('2027-Q1', 'quarter'), '2026-Q4');
  assert.equal(previousPeriod('FY2027-H1', 'half'), 'FY2026-H2');
  assert.equal(previousPeriod('FY2027-H2', 'half'), 'FY2027-H1');
  assert.equal(previousPeriod('FY2027', 'fiscal-year'), 'FY2026');
  assert.deepEqual(periodRange('2026-11', '2027-02', 'month'), ['2026-11', '2026-12', '2027-01', '2027-02']);
  assert.deepEqual(periodRange('FY2027', 'FY2026', 'fiscal-year'), []);
  assert.equal(periodRange('2000-01', '2099-12', 'month', 24).length, 24);
});

test('periodRows fills the periods without uses with zeros, up to now', () => {
  const byPeriod: UseReport['by_period'] = [
    { period: '2026-05', counts: counts(2, 1) },
    { period: '2026-08', counts: counts(0, 0, 1, 3) },
  ];
  const rows = periodRows(byPeriod, 'month', {}, new Date('2026-09-10T00:00:00Z'));
  assert.equal(rows.length, 12, 'a year of months for context');
  assert.equal(rows[0]!.period, '2025-10');
  assert.deepEqual(
    rows.slice(-5).map((r) => [r.period, r.total]),
    [['2026-05', 3], ['2026-06', 0], ['2026-07', 0], ['2026-08', 4], ['2026-09', 0]],
  );
  assert.deepEqual(rows[9]!.counts, counts());
});

test('periodRows: halves end with the current one; older uses widen the axis', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  const rows = periodRows([{ period: 'FY2022-H2', counts: counts(1) }], 'half', {}, now);
  assert.equal(rows[0]!.period, 'FY2022-H2');
  assert.equal(rows[rows.length - 1]!.period, 'FY2026-H2');
  assert.equal(rows.length, 9);
  assert.deepEqual(
    periodRows([], 'fiscal-year', {}, now).map((r) => r.period),
    ['FY2022', 'FY2023', 'FY2024', 'FY2025', 'FY2026'],
  );
});

test('periodRows spans the filter\'s from and to (to exclusive)', () => {
  const rows = periodRows([{ period: 'FY2026-H1', counts: counts(1) }], 'half', {
    from: '2025-04-01T00:00:00+09:00',
    to: '2027-04-01T00:00:00+09:00',
  });
  assert.deepEqual(rows.map((r) => r.period), ['FY2025-H1', 'FY2025-H2', 'FY2026-H1', 'FY2026-H2']);
  const one = periodRows([], 'fiscal-year', { from: '2026-04-01T00:00:00+09:00', to: '2026-04-02T00:00:00+09:00' });
  assert.deepEqual(one.map((r) => [r.period, r.total]), [['FY2026', 0]]);
  assert.deepEqual(periodRows([], 'month', { from: '2030-01-01T00:00:00+09:00' }, new Date('2026-01-01T00:00:00Z')), [], 'from after now');
});

test('periodRows keeps the latest periods of a long range', () => {
  const rows = periodRows([{ period: '2026-03', counts: counts(1) }], 'month', { from: '1990-01-01T00:00:00+09:00', to: '2026-04-01T00:00:00+09:00' }, new Date(), 12);
  assert.equal(rows.length, 12);
  assert.equal(rows[0]!.period, '2025-04');
  assert.equal(rows[11]!.period, '2026-03');
});

test('stackSegments stacks actions from the bottom and leaves out zeros', () => {
  const segs = stackSegments([
    { period: 'FY2026', counts: counts(2, 0, 1, 3), total: 6 },
    { period: 'FY2027', counts: counts(), total: 0 },
  ]);
  assert.deepEqual(
    segs.map((s) => [s.action, s.y0, s.y1]),
    [['blocked', 0, 2], ['false_positive', 2, 3], ['not_relevant', 3, 6]],
  );
});

test('niceScale gives round steps', () => {
  assert.deepEqual(niceScale(0), { max: 1, step: 1, ticks: [0, 1] });
  assert.deepEqual(niceScale(3).ticks, [0, 1, 2, 3]);
  assert.deepEqual(niceScale(7), { max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
  assert.deepEqual(niceScale(42), { max: 50, step: 10, ticks: [0, 10, 20, 30, 40, 50] });
  assert.equal(niceScale(1234).step, 500);
});

test('countActions counts uses per action', () => {
  assert.deepEqual(countActions([{ action: 'blocked' }, { action: 'blocked' }, { action: 'not_relevant' }]), counts(2, 0, 0, 1));
});

test('the report filter: URL query → API query, Japan-time days, to inclusive', () => {
  const q = reportQueryFromUrl(new URLSearchParams('period=month&from=2026-04-01&to=2026-09-30&provider=3'));
  assert.deepEqual(q, { period: 'month', from: '2026-04-01', to: '2026-09-30', provider: '3' });
  assert.deepEqual(reportFilter(q), {
    period: 'month',
    from: '2026-04-01T00:00:00+09:00',
    to: '2026-10-01T00:00:00+09:00',
    provider: '3',
  });
  assert.deepEqual(reportQueryFromUrl(new URLSearchParams('period=week&from=2026-02-30&to=x&provider=abc')), { period: 'half' });
  assert.equal(jstNextDayStart('2026-12-31'), '2027-01-01T00:00:00+09:00');
  assert.equal(jstNextDayStart('2028-02-28'), '2028-02-29T00:00:00+09:00');
});

test('sighting form times are read in the zone the user shows times in', () => {
  assert.equal(localInputToIso('2026-05-01T09:30', 'Asia/Tokyo'), '2026-05-01T09:30:00+09:00');
  assert.equal(localInputToIso('2026-05-01T09:30', 'UTC'), '2026-05-01T09:30:00Z');
  assert.equal(localInputToIso('2026-05-01T09:30:15', 'UTC'), '2026-05-01T09:30:15Z');
  assert.equal(localInputToIso('', 'Asia/Tokyo'), '');
  assert.equal(localInputToIso('yesterday', 'UTC'), '');
  assert.match(localInputToIso('2026-05-01T09:30', 'local'), /^2026-05-0\dT\d\d:30:00\.000Z$/);
  const now = new Date('2026-05-01T23:30:00Z');
  assert.equal(nowForInput('Asia/Tokyo', now), '2026-05-02T08:30');
  assert.equal(nowForInput('UTC', now), '2026-05-01T23:30');
});

test('terminals: typed one a line, shown as one short line each', () => {
  assert.deepEqual(parseTerminals(' 10.1.2.3\n\npc-042\r\n'), [{ client: '10.1.2.3' }, { client: 'pc-042' }]);
  assert.equal(terminalLabel({ client: '10.1.2.4', hits: 3 }), '10.1.2.4');
  assert.equal(terminalLabel({ host: 'pc-1', hits: 3, x: { y: 1 } }), 'host=pc-1 hits=3');
  assert.equal(terminalLabel('pc-2'), 'pc-2');
  assert.equal(terminalLabel(null), '');
});

test('period labels for people, in both languages', () => {
  const ja = makeTranslate('ja');
  const en = makeTranslate('en');
  assert.equal(periodText(ja, 'ja', 'half', 'FY2026-H1'), '2026年度 上期');
  assert.equal(periodText(en, 'en', 'half', 'FY2026-H2'), 'FY2026 H2');
  assert.equal(periodText(ja, 'ja', 'fiscal-year', 'FY2026'), '2026年度');
  assert.equal(periodText(ja, 'ja', 'quarter', '2026-Q2'), '2026年4〜6月');
  assert.equal(periodText(en, 'en', 'quarter', '2026-Q2'), 'Apr–Jun 2026');
  assert.equal(periodText(ja, 'ja', 'month', '2026-05'), '2026年5月');
  assert.equal(periodText(en, 'en', 'month', '2026-05'), 'May 2026');
  assert.equal(periodText(en, 'en', 'month', 'garbage'), 'garbage');
});
