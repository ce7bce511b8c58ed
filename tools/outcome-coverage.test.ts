// Every outcome in the catalogue is produced by some test: scans the test files for an assertion
// naming each code, so a new code cannot land untested.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOME_CODES, PLATFORM_OUTCOME_CODES } from '@shoudan/core';

const ROOT = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') && path !== import.meta.filename ? [path] : [];
  });
}

describe('outcome catalogue', () => {
  const sources = [...testFiles(join(ROOT, 'packages')), ...testFiles(join(ROOT, 'apps'))]
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');

  it.each([...OUTCOME_CODES, ...PLATFORM_OUTCOME_CODES])('%s is asserted by a test', (code) => {
    expect(sources).toMatch(new RegExp(`['"\`]${code}['"\`]`));
  });
});
