// Checks the built console against the portal's Content-Security-Policy
// (script-src 'self'; style-src 'self'): index.html may load scripts and
// styles only from files — no inline <script>, <style>, style="" or on*=
// handlers — and the sources neither write HTML strings into the page nor
// set style attributes.
// Run by `npm run build`; exits non-zero with the reasons.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const problems = [];
const html = readFileSync(join(dist, 'index.html'), 'utf8');

for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (!/\bsrc=/.test(m[1])) problems.push('index.html: inline <script> without src');
  if (m[2].trim()) problems.push('index.html: <script> with inline content');
}
if (/<style\b/i.test(html)) problems.push('index.html: inline <style>');
if (/\sstyle\s*=/i.test(html)) problems.push('index.html: style="" attribute');
if (/\son[a-z]+\s*=/i.test(html)) problems.push('index.html: inline event handler attribute');
if (/(src|href)=["']data:/i.test(html)) problems.push('index.html: data: URL');

// Sources: no HTML strings into the page, no style attributes (set classes).
const src = new URL('../src/', import.meta.url).pathname;
const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
for (const file of walk(src)) {
  const code = readFileSync(file, 'utf8');
  const rel = file.slice(src.length);
  if (/dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML/.test(code)) problems.push(`src/${rel}: writes HTML strings`);
  if (/\sstyle=\{|setAttribute\(\s*['"]style['"]/.test(code)) problems.push(`src/${rel}: sets a style attribute (use a class)`);
}

if (problems.length) {
  console.error('check-dist: the build breaks the portal CSP:\n  ' + problems.join('\n  '));
  process.exit(1);
}
console.log('check-dist: no inline script or style in dist/');
