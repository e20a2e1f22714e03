// Routing: path patterns, the route table, ?next= safety, URL queries;
// and the URL ↔ event filter mapping of the event list.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchPath, safeNext, withQuery } from '../../src/router.tsx';
import { resolveRoute } from '../../src/routes.tsx';
import { filterFromQuery } from '../../src/views/EventList.tsx';

test('matchPath decodes parameters and needs every segment', () => {
  assert.deepEqual(matchPath('/events/:id', '/events/ab%2Fc'), { id: 'ab/c' });
  assert.deepEqual(matchPath('/events', '/events/'), {});
  assert.equal(matchPath('/events/:id', '/events'), null);
  assert.equal(matchPath('/events/:id', '/events/1/edit'), null);
  assert.equal(matchPath('/events/:id', '/events/%E0%A4%A'), null);
});

test('the route table prefers fixed paths over parameters', () => {
  assert.equal(resolveRoute('/events/new')?.route.pattern, '/events/new');
  assert.equal(resolveRoute('/events/123')?.params.id, '123');
  assert.equal(resolveRoute('/events/123/edit')?.route.pattern, '/events/:id/edit');
  assert.equal(resolveRoute('/admin/audit')?.route.access, 'instanceAdmin');
  assert.equal(resolveRoute('/reports/follow-up')?.route.access, 'user');
  assert.equal(resolveRoute('/nowhere'), null);
});

test('?next= only leads inside the console', () => {
  assert.equal(safeNext('/events/1?x=2'), '/events/1?x=2');
  assert.equal(safeNext('//evil.example/'), '/events');
  assert.equal(safeNext('https://evil.example/'), '/events');
  assert.equal(safeNext('/\\evil.example'), '/events');
  assert.equal(safeNext('/login?next=/x'), '/events');
  assert.equal(safeNext(null), '/events');
});

test('withQuery drops empty values', () => {
  assert.equal(withQuery('/events', { level: 'RED', q: '', page: undefined }), '/events?level=RED');
  assert.equal(withQuery('/events', {}), '/events');
});

test('the event list reads its filter from the URL and drops unknown values', () => {
  const f = filterFromQuery(new URLSearchParams('level=AMBER&category=B-c&timing=soon&q=%20lzh%20&page=3&sort=title'));
  assert.deepEqual(f, { page: 3, per_page: 25, level: 'AMBER', category: 'B-c', sort: 'title', q: 'lzh' });
  assert.deepEqual(filterFromQuery(new URLSearchParams('page=-1&level=PURPLE')), { page: 1, per_page: 25 });
});
