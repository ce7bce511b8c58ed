// Goal: this package keeps the house rules (STYLE.md "Habits"). Method: scan every source file
// for banned calls, long lines, long functions, missing header comments and import forms.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SOURCE_DIR = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(SOURCE_DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, lines: readFileSync(join(SOURCE_DIR, name), 'utf8').split('\n') }));

// Spelled in pieces so this file does not trip its own scan.
const BANNED = [
  'console' + '.log',
  'Math' + '.random',
  'Date' + '.now',
  'process' + '.env',
  'FIX' + 'ME',
];

// Built from pieces for the same reason: a type annotation, generic or cast to the any type.
const ANY_TYPE = new RegExp([':\\s*an' + 'y\\b', '<an' + 'y>', '\\bas an' + 'y\\b'].join('|'));

function longFunctions(lines: string[]): string[] {
  const found: string[] = [];
  lines.forEach((line, start) => {
    const opening = /^(\s*)(?:export )?(?:async )?function\b/.exec(line);
    if (opening === null) return;
    const close = `${opening[1] ?? ''}}`;
    const end = lines.findIndex((candidate, i) => i > start && candidate === close);
    if (end !== -1 && end - start + 1 > 70) found.push(`${start + 1}: ${end - start + 1} lines`);
  });
  return found;
}

describe('house rules in packages/hsm/src', () => {
  it('the scanners themselves find what they look for', () => {
    expect(ANY_TYPE.test(`let x: ${'an' + 'y'} = 1`)).toBe(true);
    const body = Array.from({ length: 70 }, () => '  step();');
    expect(longFunctions(['function f() {', ...body, '}'])).toEqual(['1: 72 lines']);
  });

  it('file names are kebab-case', () => {
    for (const { name } of files) expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.test)?\.ts$/);
  });

  for (const { name, lines } of files) {
    it(`${name}: header comment, ≤ 100 columns, no banned calls, no any, .ts imports`, () => {
      expect(lines[0]).toMatch(/^\/\/ \S/);
      const text = lines.join('\n');
      for (const banned of BANNED) expect(text.includes(banned), banned).toBe(false);
      expect(ANY_TYPE.test(text)).toBe(false);
      lines.forEach((line, i) => expect(line.length, `line ${i + 1}`).toBeLessThanOrEqual(100));
      const relative = [...text.matchAll(/from '(\.[^']*)'/g)].map((match) => match[1] ?? '');
      for (const path of relative) expect(path).toMatch(/\.ts$/);
      expect(longFunctions(lines)).toEqual([]);
    });
  }

  it('test files open with a one-line comment of goal and method', () => {
    for (const { name, lines } of files.filter((file) => file.name.endsWith('.test.ts'))) {
      expect(lines[0], name).toMatch(/^\/\/ Goal: /);
    }
  });
});
