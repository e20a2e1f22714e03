// Following up how shared information was used (活用状況のフォローアップ),
// end to end in headless Chromium against a real portal: a participant
// reports a sighting of an indicator without showing its name and records
// what it did; the provider sees the count and "anonymous"; the follow-up
// report shows the use for the current fiscal period, in its chart and in
// the chart's table; an observer who may not see the event gets "not found"
// and a report that counts nothing of it (only the GREEN event it sees). Screenshots of the new views go
// to $TS_SCREENSHOTS (default tests/e2e/screenshots).
//
// Run: make test (ctest e2e.follow_up), or from web/:
//   TS_BINARY=../build/dev/src/threatshare node --import tsx --test ../tests/e2e/follow_up.test.ts
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { periodOf } from '../../web/src/followup.ts';
import { ApiSession, Portal, SCREENSHOTS, UserPage, launchBrowser, login, missingPrerequisite, seeText } from './portal.ts';

const skip = missingPrerequisite();
const TITLE = '年金制度の見直しを装う標的型メール — C2 宛先';
const DOMAIN = 'c2.pension-lure.example';
const GREEN_TITLE = '行政機関を装う不審メールの急増 — 観測情報';

let portal: Portal;
let browser: Browser;
const pages: UserPage[] = [];
let participant: UserPage; // analyst of みなと銀行, a participant
let provider: UserPage; // analyst of 東日本電力, the event's provider
let eventId = '';

async function open(width?: number): Promise<UserPage> {
  const u = await UserPage.open(browser, portal.url, width);
  pages.push(u);
  return u;
}

/** Logs in a user who already accepted the rules; waits for the event list. */
async function enter(email: string, width?: number): Promise<UserPage> {
  const u = await open(width);
  await login(u, email);
  await seeText(u.page, 'h1', 'イベント');
  return u;
}

before(async () => {
  if (skip) return;
  portal = new Portal();
  portal.publishRules('# 運用規程\n\n1. 提供された情報は、指定された共有範囲の中でのみ取り扱う。\n');
  portal.createOrg('東日本電力', 'power', 'participant');
  portal.createOrg('みなと銀行', 'finance', 'participant', 'banking');
  portal.createOrg('水道事業者協会', 'water', 'observer');
  portal.createUser('東日本電力', 'soc@power.example', 'analyst', true);
  portal.createUser('みなと銀行', 'csirt@bank.example', 'analyst', true);
  portal.createUser('水道事業者協会', 'observer@water.example', 'member', true);
  await portal.start();
  // The provider's AMBER event with two indicators, through the API: the
  // console's event forms have their own test.
  const api = await ApiSession.login(portal.url, 'soc@power.example');
  const event = await api.call<{ id: string }>('POST', '/api/v1/events', {
    title: TITLE,
    level: 'AMBER',
    category: 'B-b',
    tags: ['標的型メール'],
  });
  eventId = event.id;
  await api.call('POST', `/api/v1/events/${eventId}/indicators`, {
    indicators: [
      { type: 'domain', value: DOMAIN },
      { type: 'ipv4', value: '203.0.113.50' },
    ],
  });
  // A GREEN event that observers see too, with uses of every other kind:
  // the report counts these for the observer, and nothing of the AMBER one.
  const green = await api.call<{ id: string }>('POST', '/api/v1/events', { title: GREEN_TITLE, level: 'GREEN', category: 'B-c' });
  const bank = await ApiSession.login(portal.url, 'csirt@bank.example');
  const water = await ApiSession.login(portal.url, 'observer@water.example');
  for (const [who, action] of [[bank, 'detected'], [bank, 'detected'], [bank, 'false_positive'], [water, 'not_relevant']] as const)
    await who.call('POST', `/api/v1/events/${green.id}/uses`, { action });
  browser = await launchBrowser();
});

after(async () => {
  if (skip) return;
  for (const u of pages) await u.close().catch(() => {});
  await browser?.close();
  try {
    await portal.stop();
  } finally {
    portal.cleanup();
  }
});

test('a participant reports a sighting without showing its name', { skip }, async () => {
  participant = await enter('csirt@bank.example');
  const page = participant.page;
  await page.goto(`/events/${eventId}`);
  await seeText(page, 'h1', TITLE);
  await seeText(page, '[data-testid=sightings-section]', 'まだ目撃の報告はありません');

  const form = page.locator('[data-testid=report-sighting]');
  await form.getByText('目撃を報告').click();
  await page.locator('#sighting-indicator').selectOption({ label: `domain: ${DOMAIN}` });
  await seeText(page, 'label[for=sighting-first]', '初観測（JST）');
  // The API's message shows next to the input it names (sightings[0].last_seen).
  await page.locator('#sighting-first').fill('2026-05-02T18:00');
  await page.locator('#sighting-last').fill('2026-05-01T09:30');
  await form.getByRole('button', { name: '報告する' }).click();
  await seeText(page, '#sighting-last-error', /before first_seen/);
  assert.equal(await page.locator('#sighting-last').getAttribute('aria-invalid'), 'true');
  await page.locator('#sighting-first').fill('2026-05-01T09:30');
  await page.locator('#sighting-last').fill('2026-05-02T18:00');
  await page.locator('#sighting-count').fill('7');
  assert.equal(await page.locator('#sighting-share').isChecked(), false, 'the name is not shown unless asked');
  assert.equal(await page.locator('#sighting-terminals').isDisabled(), true, 'terminals go only with the name');
  await seeText(page, '#sighting-share-help', '組織名と端末の情報は表示されません');
  await form.getByRole('button', { name: '報告する' }).click();

  await seeText(page, '[data-testid=sightings-section] [role=status]', '目撃情報を報告しました');
  const row = page.locator(`[data-testid=sightings] tbody[data-indicator="${DOMAIN}"]`);
  await row.waitFor();
  assert.equal(await row.locator('[data-testid=sighting-count]').innerText(), '7');
  const text = await row.innerText();
  assert.match(text, /2026-05-01 09:30 JST/);
  assert.match(text, /2026-05-02 18:00 JST/);
  assert.match(text, /みなと銀行/, 'its own organisation sees its own report with its name');
});

test('the participant records what it did with the event', { skip }, async () => {
  const page = participant.page;
  const form = page.locator('[data-testid=record-use]');
  const submit = form.getByRole('button', { name: '報告する' });
  assert.equal(await submit.isDisabled(), true, 'an action must be chosen first');
  // The actions are radio buttons: chosen with the keyboard like any other.
  await form.getByRole('radio', { name: /遮断した/ }).focus();
  await page.keyboard.press('Space');
  assert.equal(await form.getByRole('radio', { name: /遮断した/ }).isChecked(), true);
  await page.locator('#use-comment').fill('プロキシで宛先を遮断');
  await submit.click();
  await seeText(page, '[data-testid=uses-section] [role=status]', '対応を報告しました');
  await page.locator('[data-testid=use-counts] [data-action=blocked][data-count="1"]').waitFor();
  await seeText(page, '[data-testid=uses]', 'プロキシで宛先を遮断');
});

test('the provider sees the count and "anonymous", never the name or the comment', { skip }, async () => {
  provider = await enter('soc@power.example');
  const page = provider.page;
  await page.goto(`/events/${eventId}`);
  await seeText(page, 'h1', TITLE);
  const row = page.locator(`[data-testid=sightings] tbody[data-indicator="${DOMAIN}"]`);
  await row.waitFor();
  assert.equal(await row.locator('[data-testid=sighting-count]').innerText(), '7');
  assert.match(await row.innerText(), /匿名/);
  const uses = page.locator('[data-testid=uses] tbody tr');
  await uses.first().waitFor();
  assert.equal(await uses.count(), 1);
  assert.match(await uses.first().innerText(), /匿名/);
  assert.match(await uses.first().innerText(), /遮断した/);
  assert.equal(await page.getByText('みなと銀行').count(), 0, 'the reporter chose not to be named');
  assert.equal(await page.getByText('プロキシで宛先を遮断').count(), 0, 'a comment could identify its author');
  await page.locator('[data-testid=use-counts] [data-action=blocked][data-count="1"]').waitFor();
  await page.locator('[data-testid=report-sighting] summary').click();
  await page.locator('#sighting-count').waitFor();
  // The two new sections of the event page, with the sighting form open.
  const [top, bottom] = await page.evaluate(() => [
    document.querySelector('[data-testid=sightings-section]')!.getBoundingClientRect().top + scrollY,
    document.querySelector('[data-testid=uses-section]')!.getBoundingClientRect().bottom + scrollY,
  ]);
  await page.screenshot({
    path: `${SCREENSHOTS}/event-follow-up.png`,
    fullPage: true,
    clip: { x: 0, y: top - 12, width: 1280, height: bottom - top + 24 },
  });
});

test('the follow-up report shows the use in the current fiscal period', { skip }, async () => {
  const page = provider.page;
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '活用状況レポート' }).click();
  await seeText(page, 'h1', '活用状況レポート');
  assert.equal(await page.locator('#report-period').inputValue(), 'half', 'half-yearly by default, as the council reports');
  const half = periodOf(new Date(), 'half');
  const row = page.locator(`[data-testid=report-periods] tr[data-period="${half}"]`);
  await row.waitFor();
  assert.equal(await row.locator('td[data-action=blocked]').innerText(), '1');
  assert.equal(await row.locator('td[data-action=detected]').innerText(), '2');
  assert.equal(await row.locator('td.cell-total').innerText(), '5');
  // The chart: an image with a name and a summary, a blocked segment for this half.
  const chart = page.getByRole('img', { name: /期間ごとの活用状況/ });
  await chart.waitFor();
  await page.locator(`[data-testid=use-chart] [data-period="${half}"][data-action=blocked]`).waitFor();
  await seeText(page, '[data-testid=report-events]', TITLE);
  await seeText(page, '[data-testid=report-providers]', '東日本電力');
  await provider.screenshot('follow-up-report');

  // By fiscal year (April–March); the choice is the URL's.
  await page.locator('#report-period').selectOption('fiscal-year');
  await page.waitForURL(/period=fiscal-year/);
  const year = page.locator(`[data-testid=report-periods] tr[data-period="${periodOf(new Date(), 'fiscal-year')}"]`);
  await year.waitFor();
  assert.equal(await year.locator('td[data-action=blocked]').innerText(), '1');

  // A range that ends before any use counts nothing.
  await page.locator('#report-from').fill('2020-04-01');
  await page.locator('#report-to').fill('2021-03-31');
  await page.getByRole('button', { name: '集計' }).click();
  await page.waitForURL(/to=2021-03-31/);
  await page.locator('[data-testid=report-total][data-total="0"]').waitFor();
  await page.getByRole('button', { name: 'クリア' }).click();
  await page.locator('[data-testid=report-total][data-total="5"]').waitFor();

  // Event titles lead to the event.
  await page.locator('[data-testid=report-events]').getByRole('link', { name: TITLE }).click();
  await page.waitForURL(new RegExp(`/events/${eventId}$`));
  await seeText(page, 'h1', TITLE);
});

test('the report in English and at 800 px', { skip }, async () => {
  const page = provider.page;
  await page.goto('/reports/follow-up?period=quarter');
  await page.getByRole('button', { name: '表示言語を英語に切り替える' }).click();
  await seeText(page, 'h1', 'Follow-up report');
  await seeText(page, '.chart-legend', 'Blocked (1)');
  await seeText(page, '.chart-legend', 'Detected (2)');
  await page.setViewportSize({ width: 800, height: 860 });
  await page.locator('[data-testid=use-chart]').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 800, `the report is ${width} px wide on an 800 px screen`);
  await provider.screenshot('follow-up-report-en-tablet');
  await page.goto(`/events/${eventId}`);
  await seeText(page, 'h2', 'What we did');
  const eventWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(eventWidth <= 800, `the event page is ${eventWidth} px wide on an 800 px screen`);
  await page.locator('[data-testid=sightings-section]').screenshot({ path: `${SCREENSHOTS}/event-sightings-en-tablet.png` });
  await page.getByRole('button', { name: 'Switch the display language to Japanese' }).click();
  await seeText(page, 'h2', '活用状況');
});

test('an observer cannot see the event, and the report counts nothing of it', { skip }, async () => {
  const observer = await enter('observer@water.example');
  const page = observer.page;
  await page.goto(`/events/${eventId}`);
  await page.locator('[data-testid=not-found]').waitFor();
  assert.equal(await page.getByText(TITLE).count(), 0);
  assert.equal(await page.locator('[data-testid=sightings-section]').count(), 0);

  await page.goto('/reports/follow-up');
  await seeText(page, 'h1', '活用状況レポート');
  // Only the GREEN event's four uses: the AMBER event's "blocked" is not counted.
  await page.locator('[data-testid=report-total][data-total="4"]').waitFor();
  await seeText(page, '[data-testid=report-events]', GREEN_TITLE);
  assert.equal(await page.getByText(TITLE).count(), 0);
  const row = page.locator(`[data-testid=report-periods] tr[data-period="${periodOf(new Date(), 'half')}"]`);
  assert.equal(await row.locator('td[data-action=blocked]').innerText(), '0');
  assert.equal(await page.locator('[data-testid=use-chart] [data-action=blocked]').count(), 0, 'no bar for what it cannot see');
  assert.equal(await page.locator('[data-testid=report-events] tbody tr').count(), 1);
});

test('no page errors and no Content-Security-Policy violations', { skip }, () => {
  assert.deepEqual(
    pages.flatMap((u) => u.errors),
    [],
  );
});
