// WCAG AA contrast (4.5:1 for text) of the level badges and the text
// colours, read from styles.css itself so the test follows the stylesheet.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LEVELS, USE_ACTIONS } from '../../src/api/types.ts';

const css = readFileSync(new URL('../../src/styles.css', import.meta.url), 'utf8');

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The declarations of the first rule for `selector`. */
function rule(selector: string): Record<string, string> {
  const start = css.indexOf(`\n${selector} {`);
  assert.ok(start >= 0, `styles.css has a rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries(
    body
      .split(';')
      .map((d) => d.split(':').map((s) => s.trim()))
      .filter((d) => d.length === 2) as [string, string][],
  );
}

test('contrast() agrees with known values', () => {
  assert.equal(Math.round(contrast('#000000', '#ffffff')), 21);
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
});

for (const level of LEVELS) {
  test(`the ${level} badge has AA contrast`, () => {
    const r = rule(`.level-${level}`);
    assert.ok(r.background && r.color, `.level-${level} sets background and color`);
    const ratio = contrast(r.background, r.color);
    assert.ok(ratio >= 4.5, `${level}: ${ratio.toFixed(2)}:1 is below 4.5:1`);
  });
}

test('body text, muted text and links have AA contrast on white and on the page background', () => {
  const vars = Object.fromEntries([...css.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,6})/gi)].map((m) => [m[1], m[2]]));
  for (const fg of ['text', 'muted', 'primary', 'danger'])
    for (const bg of ['surface', 'bg']) {
      const ratio = contrast(vars[fg]!, vars[bg]!);
      assert.ok(ratio >= 4.5, `--${fg} on --${bg}: ${ratio.toFixed(2)}:1`);
    }
  // White text on the header and on primary buttons.
  for (const bg of ['navy', 'primary', 'danger']) assert.ok(contrast('#ffffff', vars[bg]!) >= 4.5, `white on --${bg}`);
});

test('the follow-up chart\'s action colours stand out (3:1) on light and dark surfaces', () => {
  const vars = Object.fromEntries([...css.matchAll(/--([a-z_-]+):\s*(#[0-9a-f]{3,6})/gi)].map((m) => [m[1], m[2]]));
  for (const action of USE_ACTIONS) {
    const colour = vars[`action-${action}`];
    assert.ok(colour, `styles.css sets --action-${action}`);
    // WCAG 1.4.11 non-text contrast; #111827 stands for a dark theme's surface.
    for (const bg of [vars.surface!, vars.bg!, '#111827']) {
      const ratio = contrast(colour, bg);
      assert.ok(ratio >= 3, `--action-${action} on ${bg}: ${ratio.toFixed(2)}:1`);
    }
  }
});
