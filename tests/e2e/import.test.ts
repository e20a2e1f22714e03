// Importing a STIX 2.1 bundle in the console, end to end in headless
// Chromium against a real portal: the analyst chooses a bundle, watches the
// job finish, opens the event it made (level from the bundle's TLP 2.0
// marking, indicators from its patterns) and downloads it back as STIX; a
// bundle with a broken object shows the problem naming the object id and
// property, with nothing stored, and stores the rest with best effort; the
// recent imports keep every try.
// Screenshots go to $TS_SCREENSHOTS.
//
// Run: make test (ctest e2e.import), or from web/:
//   TS_BINARY=../build/dev/src/threatshare node --import tsx --test ../tests/e2e/import.test.ts
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { AnalystBench, Portal, UserPage, login, missingPrerequisite, seeText } from './portal.ts';

const skip = missingPrerequisite();
const T = '2024-01-01T00:00:00.000Z';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const uid = (kind: string, n: number) => `${kind}--e2e00000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function indicator(n: number, pattern: string): Record<string, unknown> {
  return { type: 'indicator', spec_version: '2.1', id: uid('indicator', n), created: T, modified: T, pattern, pattern_type: 'stix', valid_from: T };
}

function bundle(objects: Record<string, unknown>[]): string {
  return JSON.stringify({ type: 'bundle', id: 'bundle--e2e00000-0000-4000-8000-000000000000', objects });
}

let bench: AnalystBench | undefined;
let portal: Portal;
let browser: Browser;
let analyst: UserPage;
let scratch = '';

before(async () => {
  if (skip) return;
  bench = await AnalystBench.start('東日本電力', 'power', 'soc@power.example');
  ({ portal, browser, scratch } = bench);
});

after(async () => {
  await bench?.stop(analyst);
});

test('an analyst imports a STIX bundle, opens the event and exports it', { skip }, async () => {
  const ind = indicator(2, "[domain-name:value = 'pension-notice.example'] OR [ipv4-addr:value = '203.0.113.25']");
  const report = {
    type: 'report', spec_version: '2.1', id: uid('report', 1), created: T, modified: T,
    name: '年金機構を装う標的型メール', published: T, object_refs: [ind.id], object_marking_refs: [GREEN],
  };
  const file = join(scratch, 'wave.json');
  writeFileSync(file, bundle([report, ind]));

  analyst = await UserPage.open(browser, portal.url);
  await login(analyst, 'soc@power.example');
  const page = analyst.page;
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'インポート' }).click();
  await seeText(page, 'h1', 'インポート');
  await page.locator('[data-testid=import-file]').setInputFiles(file);
  await page.locator('[data-testid=import-report]').waitFor();
  await seeText(page, '[data-testid=import-report]', '新規イベント 1 件');
  await seeText(page, '[data-testid=import-report]', '指標 2 件');
  await analyst.screenshot('import-done');

  await page.getByRole('link', { name: 'イベントを開く' }).click();
  await seeText(page, 'h1', '年金機構を装う標的型メール');
  await seeText(page, 'h1', 'GREEN');
  await seeText(page, 'main', 'pension-notice.example');
  const href = await page.locator('[data-testid=export-stix]').getAttribute('href');
  assert.ok(href);
  const exported = (await page.evaluate(async (url) => (await fetch(url)).json(), href)) as { objects: { id: string }[] };
  assert.ok(exported.objects.some((o) => o.id === ind.id));
});

test('a broken object is named and nothing is stored unless best effort', { skip }, async () => {
  const page = analyst.page;
  const good = indicator(11, "[ipv4-addr:value = '198.51.100.11']");
  const bad = { ...indicator(12, "[ipv4-addr:value = '198.51.100.12']"), created: '2024-01-01' };
  const file = join(scratch, 'broken.json');
  writeFileSync(file, bundle([good, bad]));
  await page.goto(portal.url + '/import');
  await page.locator('[data-testid=import-file]').setInputFiles(file);
  await page.locator('[data-testid=import-report]').waitFor();
  await seeText(page, '[data-testid=import-report]', '何も保存していません');
  await seeText(page, '[data-testid=import-problems]', uid('indicator', 12));
  await seeText(page, '[data-testid=import-problems]', 'created');
  await analyst.screenshot('import-problems');

  await page.locator('[data-testid=import-best-effort]').check();
  await page.locator('[data-testid=import-file]').setInputFiles(file);
  await seeText(page, '[data-testid=import-report]', '保存しました');
  await seeText(page, '[data-testid=import-problems]', uid('indicator', 12));

  // The recent imports list both tries of the file, newest first, and
  // stays after leaving the page.
  await page.goto(portal.url + '/events');
  await page.goto(portal.url + '/import');
  const rows = page.locator('[data-testid=import-recent] tbody tr');
  await seeText(page, '[data-testid=import-recent] tbody tr:first-child', 'broken.json');
  await seeText(page, '[data-testid=import-recent] tbody tr:first-child', 'イベント 1 件、指標 1 件');
  await seeText(page, '[data-testid=import-recent] tbody tr:nth-child(2)', '何も保存していません');
  assert.ok((await rows.count()) >= 3);
});
