// Dates: API times (UTC) shown in Japan time by default, with the zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatTime } from '../../src/format.ts';

test('UTC times are shown in JST by default', () => {
  assert.equal(formatTime('2026-11-22T12:04:00.000000Z'), '2026-11-22 21:04 JST');
  assert.equal(formatTime('2026-12-31T15:30:00Z'), '2027-01-01 00:30 JST');
});

test('other zones are named too', () => {
  assert.equal(formatTime('2026-11-22T12:04:00Z', 'UTC'), '2026-11-22 12:04 UTC');
});

test('empty and unparsable times', () => {
  assert.equal(formatTime(''), '');
  assert.equal(formatTime(null), '');
  assert.equal(formatTime('not a time'), 'not a time');
  assert.equal(formatDate('2026-11-22T20:00:00Z'), '2026-11-23');
});
