// Preferences: Japanese and Japan time unless the browser kept a choice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANG_KEY, TIME_ZONE_KEY, loadPrefs, savePrefs } from '../../src/prefs.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

test('defaults: Japanese, Asia/Tokyo', () => {
  assert.deepEqual(loadPrefs(memoryStorage()), { lang: 'ja', timeZone: 'Asia/Tokyo' });
  assert.deepEqual(loadPrefs(undefined), { lang: 'ja', timeZone: 'Asia/Tokyo' });
});

test('a saved choice is loaded again; nonsense is ignored', () => {
  const s = memoryStorage();
  savePrefs({ lang: 'en', timeZone: 'UTC' }, s);
  assert.deepEqual(loadPrefs(s), { lang: 'en', timeZone: 'UTC' });
  s.setItem(LANG_KEY, 'fr');
  s.setItem(TIME_ZONE_KEY, 'Mars/Olympus');
  assert.deepEqual(loadPrefs(s), { lang: 'ja', timeZone: 'Asia/Tokyo' });
});
