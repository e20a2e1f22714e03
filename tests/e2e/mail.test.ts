// Targeted-attack mail analysis (標的型攻撃メール) end to end in headless
// Chromium against a real portal: an analyst uploads an .eml of the test
// corpus, sees its findings with Japanese reasons, the decoded headers, the
// route and the attachment's archive member, switches to English and sees
// the English reasons; then creates an AMBER event from it and opens it;
// malformed input shows the API's error. Screenshots go to $TS_SCREENSHOTS.
//
// Run: make test (ctest e2e.mail), or from web/:
//   TS_BINARY=../build/dev/src/threatshare node --import tsx --test ../tests/e2e/mail.test.ts
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { AnalystBench, Portal, REPO, UserPage, login, missingPrerequisite, seeText } from './portal.ts';

const skip = missingPrerequisite();
const MAIL = join(REPO, 'tests/cases/mail');
const SUBJECT = '【厚生労働省】医療費通知に関する資料の送付';

let bench: AnalystBench | undefined;
let portal: Portal;
let browser: Browser;
let analyst: UserPage;
let scratch = '';

before(async () => {
  if (skip) return;
  bench = await AnalystBench.start('年金サービス', 'government', 'csirt@pension.example');
  ({ portal, browser, scratch } = bench);
});

after(async () => {
  await bench?.stop(analyst);
});

test('an analyst uploads an .eml and sees findings, headers, route and attachments', { skip }, async () => {
  analyst = await UserPage.open(browser, portal.url);
  await login(analyst, 'csirt@pension.example');
  await seeText(analyst.page, 'h1', 'イベント');
  const page = analyst.page;
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'メール解析' }).click();
  await seeText(page, 'h1', '標的型攻撃メールの解析');
  await page.locator('[data-testid=mail-file]').setInputFiles(join(MAIL, 'ja_01_pension_lzh_exe.eml'));
  await page.locator('[data-testid=mail-result]').waitFor();

  const findings = page.locator('[data-testid=mail-findings] li');
  assert.deepEqual(await findings.evaluateAll((li) => li.map((e) => e.getAttribute('data-code'))), [
    'archive_with_executable',
    'lure:public_notice',
  ]);
  assert.match(await findings.first().innerText(), /プログラムまたはスクリプト/);
  await seeText(page, 'dl.facts', SUBJECT);
  await seeText(page, 'dl.facts', 'info@mhlw-notice.example');
  await seeText(page, '[data-testid=mail-hops]', '203.0.113.25');
  await seeText(page, '[data-testid=mail-attachments]', '医療費通知一覧.exe (pe_executable)');
  await seeText(page, '[data-testid=mail-indicators]', 'mhlw-notice.example');
  await analyst.screenshot('mail-analysis');

  // The reasons follow the display language.
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await seeText(page, 'h1', 'Targeted-attack mail analysis');
  await seeText(page, '[data-testid=mail-findings]', /a program or script that runs when opened/);
  await page.getByRole('button', { name: 'Switch the display language to Japanese' }).click();
  await seeText(page, 'h1', '標的型攻撃メールの解析');
});

test('the analysis becomes an AMBER event', { skip }, async () => {
  const page = analyst.page;
  const form = page.locator('[data-testid=mail-event-form]');
  await page.locator('#mail-level').selectOption('AMBER');
  await page.locator('#mail-title').fill('年金機構を装うメール 第1波');
  await form.getByRole('button', { name: 'イベントを作成' }).click();
  await seeText(page, '[data-testid=mail-result]', 'イベントを作成しました');
  await page.getByRole('link', { name: 'イベントを開く' }).click();
  await seeText(page, 'h1', '年金機構を装うメール 第1波');
  await seeText(page, 'main', 'mail:archive_with_executable');
  await seeText(page, 'main', '203.0.113.25');
});

test('input that is no mail shows the API error', { skip }, async () => {
  const page = analyst.page;
  await page.goto('/mail');
  await seeText(page, 'h1', '標的型攻撃メールの解析');
  const junk = join(scratch, 'junk.eml');
  writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  await page.locator('[data-testid=mail-file]').setInputFiles(junk);
  await seeText(page, '[role=alert]', /not a mail message/);
  assert.equal(await page.locator('[data-testid=mail-result]').count(), 0);
  assert.deepEqual(analyst.errors, []);
});
