// Tidy (after TigerBeetle's tidy.zig): fails the build on wall-clock reads, unseeded randomness,
// environment reads and console output outside their one allowed file, on functions over 70
// lines, lines over 100 columns and leftover FIXMEs. Scans every TypeScript source of ours, the
// web app's .tsx included.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'dist', 'data', 'test-vectors', '.git']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith('.')) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = [
  ...sources(join(ROOT, 'packages')),
  ...sources(join(ROOT, 'apps')),
  ...sources(join(ROOT, 'tools')),
].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** Code that runs in production: not tests, test support, benchmarks or simulations. */
const isProduction = (path: string) =>
  !/\.test\.ts$|\/testing\/|\/test-support\.ts$|^tools\/|\/bench\/|\/sim\/|\/tests\/|\/e2e\//.test(
    path,
  );

type Rule = { name: string; pattern: RegExp; allowed: (path: string) => boolean };

const RULES: Rule[] = [
  {
    name: 'Date.now',
    pattern: /\bDate\.now\(/,
    // The browser's clock is read in one file of the web app too.
    allowed: (p) => p.endsWith('core/src/shared/clock.ts') || p === 'apps/web/src/common/clock.ts',
  },
  { name: 'bare new Date()', pattern: /new Date\(\)/, allowed: () => false },
  { name: 'Math.random', pattern: /\bMath\.random\(/, allowed: () => false },
  {
    name: 'process.env',
    pattern: /\bprocess\.env\b/,
    allowed: (p) =>
      p === 'apps/server/src/config.ts' ||
      p === 'apps/server/src/main.ts' ||
      p === 'apps/web/vite.config.ts',
  },
  { name: 'console.log', pattern: /\bconsole\.log\(/, allowed: () => false },
];

function violations(rule: Rule): string[] {
  return files
    .filter((f) => isProduction(f.path) && !rule.allowed(f.path))
    .flatMap((f) =>
      f.text
        .split('\n')
        .flatMap((line, i) =>
          rule.pattern.test(line) && !line.trimStart().startsWith('//')
            ? [`${f.path}:${i + 1}`]
            : [],
        ),
    );
}

/** Lengths of function bodies: from a line that opens a function to its closing brace. */
function longFunctions(path: string, text: string, limit: number): string[] {
  const lines = text.split('\n');
  const declaration = /^\s*(export\s+)?(default\s+)?(async\s+)?function\b/;
  const method = new RegExp(
    String.raw`^\s+(public\s+|private\s+|static\s+)*(async\s+)?[a-zA-Z_]\w*\s*` +
      String.raw`\([^;]*\)\s*(:\s*[^=;]+)?\{\s*$`,
  );
  const arrow = /=>\s*\{\s*$/;
  const opens = (line: string) => declaration.test(line) || method.test(line) || arrow.test(line);
  const found: string[] = [];
  lines.forEach((line, start) => {
    if (!opens(line)) return;
    let depth = 0;
    for (let i = start; i < lines.length; i++) {
      for (const ch of lines[i] ?? '') {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
      }
      if (depth <= 0 && i > start) {
        if (i - start + 1 > limit) found.push(`${path}:${start + 1} (${i - start + 1} lines)`);
        return;
      }
    }
  });
  return found;
}

describe('tidy', () => {
  it.each(RULES.map((r) => [r.name, r] as const))(
    'no %s outside its allowed place',
    (_name, rule) => {
      expect(violations(rule)).toEqual([]);
    },
  );

  it('no line over 100 columns', () => {
    const long = files.flatMap((f) =>
      f.text.split('\n').flatMap((line, i) => (line.length > 100 ? [`${f.path}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });

  it('no function over 70 lines in production code', () => {
    const long = files
      .filter((f) => isProduction(f.path))
      .flatMap((f) => longFunctions(f.path, f.text, 70));
    expect(long).toEqual([]);
  });

  it('no FIXME left behind', () => {
    const left = files.filter((f) => f.path !== 'tools/tidy.test.ts' && /\bFIXME\b/.test(f.text));
    expect(left.map((f) => f.path)).toEqual([]);
  });
});
