// Bulk paste in "extract from text" mode: findings of POST /extract become
// preview rows showing the text as written, found by UTF-8 byte offsets
// (Japanese and full-width text included); ids that are not indicators are
// left to the tag note.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExtractFinding } from '../../src/api/types.ts';
import { extractedRows } from '../../src/views/Indicators.tsx';

function byteOffset(text: string, part: string): number {
  return new TextEncoder().encode(text.slice(0, text.indexOf(part))).length;
}

test('rows show each indicator as written, by byte offsets', () => {
  const text = '通信先：ｅｖｉｌ．ｅｘａｍｐｌｅ と CVE-2024-3400、hxxp://bad[.]example/x';
  const domain = 'ｅｖｉｌ．ｅｘａｍｐｌｅ';
  const url = 'hxxp://bad[.]example/x';
  const findings: ExtractFinding[] = [
    { kind: 'indicator', type: 'domain', value: 'evil.example', offset: byteOffset(text, domain), length: new TextEncoder().encode(domain).length },
    { kind: 'vulnerability', value: 'CVE-2024-3400', tag: 'cve:CVE-2024-3400', offset: byteOffset(text, 'CVE'), length: 13 },
    { kind: 'indicator', type: 'url', value: 'http://bad.example/x', offset: byteOffset(text, url), length: url.length },
  ];
  assert.deepEqual(extractedRows(text, findings), [
    { line: 1, input: domain, type: 'domain', value: 'evil.example' },
    { line: 2, input: url, type: 'url', value: 'http://bad.example/x' },
  ]);
});

test('no findings give no rows', () => {
  assert.deepEqual(extractedRows('nothing here', []), []);
});
