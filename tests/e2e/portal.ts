// A real threatshare portal for browser tests: its own data directory set
// up with the CLI, the server on a free loopback port serving the built
// console (--web-root), and headless Chromium driven by playwright-core.
//
// Environment: TS_BINARY (the threatshare binary, required), TS_WEB_DIST
// (the built console, default web/dist), TS_CHROMIUM (default
// /usr/bin/chromium), TS_SCREENSHOTS (where screenshots go, default
// tests/e2e/screenshots).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../..');
export const WEB_DIST = process.env.TS_WEB_DIST ?? join(REPO, 'web/dist');
export const CHROMIUM = process.env.TS_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.TS_SCREENSHOTS ?? join(here, 'screenshots');
export const PASSWORD = 'correct horse battery staple';

// playwright-core is installed with the console's packages in web/.
const requireFromWeb = createRequire(join(REPO, 'web/package.json'));
const { chromium } = requireFromWeb('playwright-core') as typeof import('playwright-core');

/** Why the browser test cannot run here, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!process.env.TS_BINARY || !existsSync(process.env.TS_BINARY)) return 'TS_BINARY is not set to the threatshare binary';
  if (!existsSync(join(WEB_DIST, 'index.html'))) return `${WEB_DIST}/index.html is missing: run \`make web\``;
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing: run scripts/install-deps.sh (Debian package chromium)`;
  return undefined;
}

const SANITIZER_MARKERS = ['ERROR: AddressSanitizer', 'ERROR: LeakSanitizer', 'runtime error:'];

export class Portal {
  readonly dir = mkdtempSync(join(tmpdir(), 'threatshare-e2e-'));
  readonly data = join(this.dir, 'data');
  readonly logPath = join(this.dir, 'server.log');
  url = '';
  private proc: ChildProcess | undefined;

  constructor() {
    mkdirSync(this.data);
  }

  /** Runs `threatshare ARGS…`; returns its standard output; throws on failure. */
  cli(args: string[], input?: string): string {
    const r = spawnSync(process.env.TS_BINARY!, args, { input, encoding: 'utf8', timeout: 120_000 });
    if (r.error) throw new Error(`cannot run ${process.env.TS_BINARY}: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`threatshare ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
    return r.stdout;
  }

  createOrg(name: string, sector: string, membership: string, subSector?: string): number {
    const args = ['admin', 'create-org', '--data', this.data, '--name', name, '--sector', sector, '--membership', membership];
    if (subSector) args.push('--sub-sector', subSector);
    return Number(this.cli(args).trim());
  }

  createUser(org: string, email: string, role: string, acceptRules: boolean): number {
    const args = ['admin', 'create-user', '--data', this.data, '--org', org, '--email', email, '--role', role];
    if (acceptRules) args.push('--accept-rules');
    return Number(this.cli(args, PASSWORD + '\n').trim());
  }

  publishRules(text: string): number {
    const file = join(this.dir, 'rules.md');
    writeFileSync(file, text);
    return Number(this.cli(['admin', 'publish-rules', '--data', this.data, '--file', file]).trim());
  }

  /** Starts `threatshare serve` and waits for "threatshare listening on http://127.0.0.1:PORT/". */
  async start(): Promise<void> {
    const log = createWriteStream(this.logPath, { flags: 'a' });
    const proc = spawn(
      process.env.TS_BINARY!,
      ['serve', '--data', this.data, '--listen', '127.0.0.1:0', '--web-root', WEB_DIST],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    proc.stderr!.pipe(log);
    const lines = createInterface({ input: proc.stdout! });
    this.url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('the server did not start within 60 s')), 60_000);
      proc.once('exit', (code) => fail(new Error(`the server exited (${code}): ${this.serverLog()}`)));
      lines.on('line', (line) => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)\/?/.exec(line);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
    });
  }

  serverLog(): string {
    return existsSync(this.logPath) ? readFileSync(this.logPath, 'utf8') : '';
  }

  /** Stops the server with SIGTERM; throws with its log unless it exited cleanly without sanitizer reports. */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    this.proc = undefined;
    const code = await new Promise<number | null>((ok) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
      proc.once('exit', (c) => {
        clearTimeout(timer);
        ok(c);
      });
      proc.kill('SIGTERM');
    });
    const log = this.serverLog();
    const found = SANITIZER_MARKERS.filter((m) => log.includes(m));
    if (code !== 0 || found.length) throw new Error(`server exited with ${code} ${found.join(', ')}; its log:\n${log.slice(-20000)}`);
  }

  cleanup(): void {
    this.proc?.kill('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The REST API as one user, for setting up data quickly (a session cookie and its CSRF token). */
export class ApiSession {
  private constructor(
    private readonly base: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(base: string, email: string, password = PASSWORD): Promise<ApiSession> {
    const r = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!r.ok) throw new Error(`login of ${email}: HTTP ${r.status} ${await r.text()}`);
    const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
    const body = (await r.json()) as { csrf_token: string };
    return new ApiSession(base, cookie, body.csrf_token);
  }

  /** Sends a request; returns the parsed answer; throws unless the status is `expect`. */
  async call<T>(method: string, path: string, body?: unknown, expect = method === 'POST' ? 201 : 200): Promise<T> {
    const headers: Record<string, string> = { Cookie: this.cookie, 'X-CSRF-Token': this.csrf };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (r.status !== expect) throw new Error(`${method} ${path}: HTTP ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Logs `u` in through the login page (the password is PASSWORD). */
export async function login(u: UserPage, email: string): Promise<void> {
  const page = u.page;
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('main button[type=submit]').click();
}

/** Waits until `selector` has text containing `text`. */
export async function seeText(page: Page, selector: string, text: string | RegExp): Promise<void> {
  await page.locator(selector).filter({ hasText: text }).first().waitFor();
}

/** Headless Debian Chromium; Playwright gives it a fresh temporary --user-data-dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--font-render-hinting=none',
    ],
  });
}

/** A page in its own browser context (own cookies and storage), collecting console errors. */
export class UserPage {
  readonly errors: string[] = [];
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(browser: Browser, baseURL: string, width = 1280, height = 860): Promise<UserPage> {
    const context = await browser.newContext({ baseURL, viewport: { width, height }, locale: 'ja-JP' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000); // generous: ctest runs suites side by side on two cores
    const u = new UserPage(context, page);
    page.on('pageerror', (e) => u.errors.push(`page error: ${e.message}`));
    page.on('console', (msg) => {
      // A refused request (401 before login, 404 for a hidden event) is expected;
      // anything else the console logs as an error is not — CSP violations above all.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) u.errors.push(msg.text());
    });
    return u;
  }

  async screenshot(name: string, fullPage = true): Promise<void> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** The setup of tests with one analyst: a started portal with operating rules
 *  and the analyst's organisation, a browser, and a scratch directory. */
export class AnalystBench {
  private constructor(
    readonly portal: Portal,
    readonly browser: Browser,
    readonly scratch: string,
  ) {}

  static async start(org: string, sector: string, email: string): Promise<AnalystBench> {
    const portal = new Portal();
    portal.publishRules('# 運用規程\n\n1. 提供された情報は、指定された共有範囲の中でのみ取り扱う。\n');
    portal.createOrg(org, sector, 'participant');
    portal.createUser(org, email, 'analyst', true);
    await portal.start();
    try {
      return new AnalystBench(portal, await launchBrowser(), mkdtempSync(join(tmpdir(), 'e2e-')));
    } catch (e) {
      await portal.stop().finally(() => portal.cleanup());
      throw e;
    }
  }

  /** Closes the pages and the browser, stops the portal and removes its data and the scratch directory. */
  async stop(...pages: (UserPage | undefined)[]): Promise<void> {
    for (const p of pages) await p?.close().catch(() => {});
    await this.browser.close();
    rmSync(this.scratch, { recursive: true, force: true });
    try {
      await this.portal.stop();
    } finally {
      this.portal.cleanup();
    }
  }
}
