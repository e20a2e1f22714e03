// The API client: CSRF header on writes only, JSON in and out, errors as
// ApiError with the API's code and field, and the two hooks (401 → log in,
// rules_not_accepted → rules page).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiClient, ApiError, buildUrl, type FetchFn } from '../../src/api/client.ts';
import { makeApi } from '../../src/api/endpoints.ts';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records calls and answers with `status` and `body`. */
function fakeFetch(status: number, body?: unknown): { fetch: FetchFn; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: async (url, init) => {
      calls.push({ url, init });
      const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
      return new Response(status === 204 ? null : text, { status, headers: { 'Content-Type': 'application/json' } });
    },
  };
}

const headers = (c: Call) => c.init.headers as Record<string, string>;

test('buildUrl leaves out empty values', () => {
  assert.equal(buildUrl('/api/v1/events', { level: 'RED', q: '', tag: undefined, page: 2 }), '/api/v1/events?level=RED&page=2');
  assert.equal(buildUrl('/api/v1/events', { q: '年金 ' }), '/api/v1/events?q=%E5%B9%B4%E9%87%91+');
  assert.equal(buildUrl('/x'), '/x');
});

test('the CSRF token goes with writes, not with reads', async () => {
  const f = fakeFetch(200, { ok: true });
  const c = new ApiClient({ fetch: f.fetch });
  c.setCsrfToken('tok');
  await c.get('/api/v1/events');
  await c.request('POST', '/api/v1/events', { body: { title: 'x' } });
  await c.request('DELETE', '/api/v1/events/1');
  assert.equal(headers(f.calls[0]!)['X-CSRF-Token'], undefined);
  assert.equal(headers(f.calls[1]!)['X-CSRF-Token'], 'tok');
  assert.equal(headers(f.calls[1]!)['Content-Type'], 'application/json');
  assert.equal(f.calls[1]!.init.body, '{"title":"x"}');
  assert.equal(headers(f.calls[2]!)['X-CSRF-Token'], 'tok');
});

test('logging in keeps the CSRF token of the session', async () => {
  const f = fakeFetch(201, { csrf_token: 'from-login', must_accept_rules: false });
  const c = new ApiClient({ fetch: f.fetch });
  const api = makeApi(c);
  await api.session.login('a@b.example', 'pw');
  await c.request('POST', '/api/v1/rules/accept', { body: { version: 1 } });
  assert.equal(headers(f.calls[1]!)['X-CSRF-Token'], 'from-login');
});

test("an API error keeps the API's code, message and field", async () => {
  const f = fakeFetch(400, { error: { code: 'invalid', message: 'title must be 1 to 500 characters', field: 'title' } });
  const c = new ApiClient({ fetch: f.fetch });
  await assert.rejects(c.request('POST', '/api/v1/events', { body: {} }), (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.status, 400);
    assert.equal(e.code, 'invalid');
    assert.equal(e.field, 'title');
    assert.equal(e.message, 'title must be 1 to 500 characters');
    return true;
  });
});

test('a body that is not the error format still gives an ApiError', async () => {
  const c = new ApiClient({ fetch: fakeFetch(502, '<html>bad gateway</html>').fetch });
  await assert.rejects(c.get('/api/v1/events'), { code: 'http_502', status: 502 });
});

test('a failed connection is a "network" error', async () => {
  const c = new ApiClient({
    fetch: async () => {
      throw new TypeError('Failed to fetch');
    },
  });
  await assert.rejects(c.get('/api/v1/events'), { code: 'network', status: 0 });
});

test('401 tells the application to show the login page', async () => {
  let lost = 0;
  const c = new ApiClient({
    fetch: fakeFetch(401, { error: { code: 'unauthenticated', message: 'log in' } }).fetch,
    hooks: { unauthenticated: () => lost++ },
  });
  await assert.rejects(c.get('/api/v1/events'));
  assert.equal(lost, 1);
  // …but not for the login request itself, whose 401 means a wrong password.
  await assert.rejects(makeApi(c).session.login('a@b.example', 'wrong'));
  assert.equal(lost, 1);
});

test('rules_not_accepted tells the application to show the rules', async () => {
  let rules = 0;
  const c = new ApiClient({
    fetch: fakeFetch(403, { error: { code: 'rules_not_accepted', message: 'accept first' } }).fetch,
    hooks: { rulesNotAccepted: () => rules++ },
  });
  await assert.rejects(c.get('/api/v1/events'), { code: 'rules_not_accepted' });
  assert.equal(rules, 1);
});

test('204 No Content resolves to undefined', async () => {
  const c = new ApiClient({ fetch: fakeFetch(204).fetch });
  assert.equal(await c.request('DELETE', '/api/v1/session'), undefined);
});

test('typed calls build the documented URLs', async () => {
  const f = fakeFetch(200, { items: [] });
  const api = makeApi(new ApiClient({ fetch: f.fetch }));
  await api.events.list({ level: 'AMBER', q: 'lzh', page: 2, per_page: 25 });
  await api.keys.create('siem', 7);
  await api.audit.list(100, 50);
  await api.events.requestWiden('e1', 'YELLOW', 'why');
  await api.reports.use({ period: 'half', from: '2026-04-01T00:00:00+09:00', provider: 3 });
  await api.events.recordUse('e1', { action: 'blocked', comment: '', share_identity: false });
  await api.sightings.report([{ indicator_id: 'i1', first_seen: 'a', last_seen: 'b', count: 2 }], true);
  await api.events.sightings('e/1');
  assert.deepEqual(
    f.calls.map((c) => `${c.init.method} ${c.url}`),
    [
      'GET /api/v1/events?level=AMBER&q=lzh&page=2&per_page=25',
      'POST /api/v1/keys?user=7',
      'GET /api/v1/audit?after=100&limit=50',
      'POST /api/v1/events/e1/consent-requests',
      'GET /api/v1/reports/use?period=half&from=2026-04-01T00%3A00%3A00%2B09%3A00&provider=3',
      'POST /api/v1/events/e1/uses',
      'POST /api/v1/sightings',
      'GET /api/v1/events/e%2F1/sightings',
    ],
  );
  assert.equal(
    f.calls[6]!.init.body,
    '{"sightings":[{"indicator_id":"i1","first_seen":"a","last_seen":"b","count":2}],"share_identity":true,"source":"manual"}',
  );
  assert.equal(f.calls[3]!.init.body, '{"level":"YELLOW","reason":"why"}');
});
