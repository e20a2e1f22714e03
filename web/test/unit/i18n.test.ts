// The dictionaries: same keys, same {parameters}, nothing left empty; and
// t() fills parameters. (A key missing from en.ts does not even compile.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dictionaries, interpolate, makeTranslate, paramNames } from '../../src/i18n/index.ts';

test('Japanese and English have the same keys', () => {
  assert.deepEqual(Object.keys(dictionaries.en).sort(), Object.keys(dictionaries.ja).sort());
});

test('every translation has the parameters of the Japanese original', () => {
  for (const [key, ja] of Object.entries(dictionaries.ja)) {
    const en = dictionaries.en[key as keyof typeof dictionaries.en];
    assert.deepEqual(paramNames(en), paramNames(ja), `parameters of ${key}`);
  }
});

test('no message is empty', () => {
  for (const [lang, dict] of Object.entries(dictionaries))
    for (const [key, value] of Object.entries(dict)) assert.ok(value.trim(), `${lang} ${key} is empty`);
});

test('t() fills parameters in the chosen language', () => {
  assert.equal(makeTranslate('ja')('events.range', { total: 120, from: 26, to: 50 }), '120 件中 26–50 件を表示');
  assert.equal(makeTranslate('en')('events.range', { total: 120, from: 26, to: 50 }), '26–50 of 120');
  assert.equal(makeTranslate('ja')('nav.events'), 'イベント');
});

test('interpolate leaves unknown placeholders alone', () => {
  assert.equal(interpolate('{a} and {b}', { a: 1 }), '1 and {b}');
  assert.equal(interpolate('no params'), 'no params');
});
