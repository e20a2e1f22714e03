// Helpers of the forms: the API's error.field to a row, tags, duplicate
// lines in a bulk paste, whether the viewer may edit an event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowError, splitField } from '../../src/api/fields.ts';
import type { Session, SharedEvent } from '../../src/api/types.ts';
import { parseTags } from '../../src/views/EventForm.tsx';
import { mayEdit } from '../../src/views/EventView.tsx';
import { markDuplicates } from '../../src/views/Indicators.tsx';

test('splitField reads indicators[3].value', () => {
  assert.deepEqual(splitField('indicators[3].value'), { index: 3, name: 'value' });
  assert.deepEqual(splitField('title'), { name: 'title' });
  assert.equal(splitField(undefined), undefined);
});

test('rowError puts an error on the row it names', () => {
  const e = { field: 'indicators[2].value', message: 'bad' };
  assert.equal(rowError(e, 2, 5), 'bad');
  assert.equal(rowError(e, 1, 5), undefined);
  // A batch of one is reported without an index.
  assert.equal(rowError({ field: 'value', message: 'dup' }, 0, 1), 'dup');
  assert.equal(rowError({ field: 'value', message: 'dup' }, 0, 2), undefined);
  assert.equal(rowError({ message: 'forbidden' }, 0, 1), undefined);
});

test('tags are separated by ASCII or Japanese commas', () => {
  assert.deepEqual(parseTags('標的型メール, lzh、年金，  ,'), ['標的型メール', 'lzh', '年金']);
});

test('a repeated line in a bulk paste is marked, the first is kept', () => {
  const rows = markDuplicates([
    { line: 1, input: '198.51.100.1', type: 'ipv4', value: '198.51.100.1' },
    { line: 2, input: 'junk', error: 'cannot tell the type' },
    { line: 3, input: '198[.]51.100.1', type: 'ipv4', value: '198.51.100.1' },
  ]);
  assert.equal(rows[0]!.duplicateOf, undefined);
  assert.equal(rows[2]!.duplicateOf, 1);
});

test('only the provider or submitter may edit, and never read-only users', () => {
  const session = (org: number, role: Session['user']['role']) =>
    ({ organisation: { id: org }, user: { role } }) as unknown as Session;
  const event = { provider: { id: 1, name: 'p' }, submitter_org_id: 2, status: 'pending' } as SharedEvent;
  assert.equal(mayEdit(session(1, 'analyst'), event), true);
  assert.equal(mayEdit(session(2, 'member'), event), true);
  assert.equal(mayEdit(session(2, 'member'), { ...event, status: 'published' }), false);
  assert.equal(mayEdit(session(1, 'readonly'), event), false);
  assert.equal(mayEdit(session(3, 'admin'), event), false);
});
