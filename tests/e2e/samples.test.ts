// Handing samples over (検体の受け渡し), end to end in headless Chromium
// against a real portal: the provider drops a file on the upload panel and
// chooses an archive, sees the analysis (digests, type, indicators from the
// strings, the YARA tag, the archive's members), downloads only after the
// warning dialog (live malware, password "infected") and gets a zip that
// `unzip -P infected` opens; a YARA rule that does not compile shows its
// error with the line; an observer gets "not found" for an AMBER sample.
// Screenshots go to $TS_SCREENSHOTS (default tests/e2e/screenshots).
//
// Run: make test (ctest e2e.samples), or from web/:
//   TS_BINARY=../build/dev/src/threatshare node --import tsx --test ../tests/e2e/samples.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiSession, Portal, UserPage, launchBrowser, login, missingPrerequisite, seeText } from './portal.ts';

const skip = missingPrerequisite();
const MARKER = 'SampleMarker_e2e_7c1f';
const PAYLOAD = Buffer.from(`MZ dropper ${MARKER}\nbeacon http://c2.lure-e2e.example/gate.php\n`.repeat(10));
const SHA256 = createHash('sha256').update(PAYLOAD).digest('hex');

let portal: Portal;
let browser: Browser;
const pages: UserPage[] = [];
let provider: UserPage;
const work = mkdtempSync(join(tmpdir(), 'samples-e2e-'));

async function enter(email: string): Promise<UserPage> {
  const u = await UserPage.open(browser, portal.url);
  pages.push(u);
  await login(u, email);
  await seeText(u.page, 'h1', 'イベント');
  return u;
}

/** A zip (stored, no compression) of one file, built by Info-ZIP's zip from a temporary file. */
function zipOf(name: string, data: Buffer): Buffer {
  const dir = mkdtempSync(join(work, 'zip-'));
  const r = spawnSync('sh', ['-c', `cd "${dir}" && cat > "${name}" && zip -q -0 out.zip "${name}" && cat out.zip`], {
    input: data,
    maxBuffer: 1 << 24,
  });
  assert.equal(r.status, 0, String(r.stderr));
  return r.stdout;
}

before(async () => {
  if (skip) return;
  portal = new Portal();
  portal.publishRules('# 運用規程\n\n1. 検体は解析目的に限って取り扱う。\n');
  portal.createOrg('東日本電力', 'power', 'participant');
  portal.createOrg('水道事業者協会', 'water', 'observer');
  portal.createUser('東日本電力', 'soc@power.example', 'analyst', true);
  portal.createUser('水道事業者協会', 'observer@water.example', 'member', true);
  await portal.start();
  const api = await ApiSession.login(portal.url, 'soc@power.example');
  await api.call('POST', '/api/v1/yara-rules', {
    name: 'e2e marker',
    level: 'AMBER',
    text: `rule E2E_Marker {\n  strings:\n    $m = "${MARKER}"\n  condition:\n    $m\n}\n`,
  });
  browser = await launchBrowser();
});

after(async () => {
  rmSync(work, { recursive: true, force: true });
  if (skip) return;
  for (const u of pages) await u.close().catch(() => {});
  await browser?.close();
  try {
    await portal.stop();
  } finally {
    portal.cleanup();
  }
});

test('a provider drops a file and sees its analysis', { skip }, async () => {
  provider = await enter('soc@power.example');
  const page = provider.page;
  await page.getByRole('link', { name: '検体', exact: true }).click();
  await seeText(page, 'h1', '検体');
  await page.locator('#upload-level').selectOption('AMBER');
  // Drag and drop: a DataTransfer holding the file, dropped on the zone.
  const transfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name));
      return dt;
    },
    { bytes: [...PAYLOAD], name: 'invoice.pdf' },
  );
  await page.locator('[data-testid=dropzone]').dispatchEvent('drop', { dataTransfer: transfer });
  const item = page.locator('[data-testid=upload-item]').first();
  await seeText(page, '[data-testid=upload-item]', '受け付けました');
  await provider.screenshot('samples-upload');
  await item.getByRole('link', { name: '解析結果を見る' }).click();

  await page.locator(`[data-testid=digest-sha256]`).filter({ hasText: SHA256 }).waitFor();
  await seeText(page, 'h1', 'invoice.pdf');
  await seeText(page, '[data-testid=sample-tag]', 'yara:E2E_Marker');
  await seeText(page, '[data-testid=string-indicators]', 'http://c2.lure-e2e.example/gate.php');
  await seeText(page, '[data-testid=yara-matches]', 'E2E_Marker');
  assert.ok(Number(await page.locator('[data-testid=sample-entropy]').innerText()) > 0);
  await provider.screenshot('sample');
});

test('an archive chosen with the file input lists its member', { skip }, async () => {
  const page = provider.page;
  await page.goto('/samples');
  const archive = zipOf('payload.js', PAYLOAD);
  await page.locator('[data-testid=sample-file]').setInputFiles({ name: 'bundle.zip', mimeType: 'application/zip', buffer: archive });
  await seeText(page, '[data-testid=upload-item]', 'アーカイブ内のファイル 1 件を追加しました');
  await page.locator('[data-testid=upload-item]').getByRole('link', { name: '解析結果を見る' }).click();
  await seeText(page, 'h2', 'アーカイブ');
  await page.getByRole('link', { name: SHA256 }).waitFor();
});

test('download only after the warning, as a zip that opens with "infected"', { skip }, async () => {
  const page = provider.page;
  await page.goto(`/samples/${SHA256}`);
  await page.locator('[data-testid=download]').click();
  const dialog = page.locator('dialog');
  await seeText(page, 'dialog', '実際に動作するマルウェア');
  assert.equal(await dialog.locator('[data-testid=zip-password]').innerText(), 'infected');
  // The download stays disabled until the risk is acknowledged.
  assert.equal(await dialog.getByRole('button', { name: 'ダウンロードする' }).isDisabled(), true);
  await provider.screenshot('sample-download-warning', false);
  await dialog.locator('[data-testid=download-understood]').check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('link', { name: 'ダウンロードする' }).click(),
  ]);
  const path = join(work, 'sample.zip');
  await download.saveAs(path);
  const r = spawnSync('unzip', ['-P', 'infected', '-p', path]);
  assert.equal(r.status, 0, String(r.stderr));
  assert.ok(Buffer.from(r.stdout).equals(PAYLOAD), 'the zip holds the sample');
  assert.notEqual(spawnSync('unzip', ['-P', 'wrong', '-p', path]).status, 0, 'the password is needed');
});

test('a YARA rule that does not compile shows its error with the line', { skip }, async () => {
  const page = provider.page;
  await page.goto('/yara/new');
  await page.locator('#yara-name').fill('broken');
  await page.locator('#yara-text').fill('rule Broken\n{\n  condition:\n    true and\n    undefined_thing\n}\n');
  await page.getByRole('button', { name: '保存' }).click();
  await seeText(page, '[data-testid=yara-diagnostics]', '5 行目');
  await seeText(page, '[data-testid=yara-diagnostics]', 'undefined_thing');
  await provider.screenshot('yara-compile-error');
  await page.locator('[data-testid=yara-diagnostics] button').first().click();
  const selected = await page.locator('#yara-text').evaluate((el) => {
    const a = el as HTMLTextAreaElement;
    return a.value.slice(a.selectionStart, a.selectionEnd);
  });
  assert.equal(selected, '    undefined_thing');
});

test('an observer gets "not found" for an AMBER sample', { skip }, async () => {
  const observer = await enter('observer@water.example');
  const page = observer.page;
  await page.goto(`/samples/${SHA256}`);
  await seeText(page, 'h1', '検体が見つかりません');
  await page.goto('/samples');
  await page.locator('[data-testid=sample-total][data-total="0"]').waitFor();
});

test('no page errors and no Content-Security-Policy violations', { skip }, () => {
  assert.deepEqual(
    pages.flatMap((u) => u.errors),
    [],
  );
});
