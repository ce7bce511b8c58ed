// Goal: contracts stays loadable in a browser and free of the rest of the repository: its sources
// import only zod and each other. Method: read every non-test source and list its import
// specifiers (static and dynamic).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCES = readdirSync(import.meta.dirname).filter(
  (name) => name.endsWith('.ts') && !name.endsWith('.test.ts'),
);

function importsOf(text: string): string[] {
  const found = text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'([^']+)'/g);
  return [...found].map((m) => m[1] ?? '');
}

describe('contracts imports', () => {
  it('only zod and its own files', () => {
    expect(SOURCES).toContain('index.ts');
    const foreign = SOURCES.flatMap((name) =>
      importsOf(readFileSync(join(import.meta.dirname, name), 'utf8'))
        .filter((spec) => spec !== 'zod' && !/^\.\/[a-z0-9-]+\.ts$/.test(spec))
        .map((spec) => `${name}: ${spec}`),
    );
    expect(foreign).toEqual([]);
  });

  it('index.ts re-exports every file', () => {
    const index = readFileSync(join(import.meta.dirname, 'index.ts'), 'utf8');
    const exported = importsOf(index).map((spec) => spec.slice(2));
    const internal = ['index.ts'];
    expect(exported.sort()).toEqual(SOURCES.filter((n) => !internal.includes(n)).sort());
  });
});
