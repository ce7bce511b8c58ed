// Goal: the package keeps the style rules (STYLE.md Habits). Method: scan every .ts file's text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe as group, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const LINE_COLUMNS_MAX = 100;
const FUNCTION_LINES_MAX = 70;

function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = ['src', 'test', 'bench'].flatMap((folder) => listFiles(join(packageRoot, folder)));
const sources = files.map((path) => ({
  name: relative(packageRoot, path),
  text: readFileSync(path, 'utf8'),
}));
const library = sources.filter(({ name }) => name.startsWith('src') && !name.endsWith('.test.ts'));

/** Start lines and lengths of functions longer than the limit (test callbacks included). */
function longFunctions(name: string, text: string): string[] {
  const file = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const start = file.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = file.getLineAndCharacterOfPosition(node.end).line;
      if (end - start + 1 > FUNCTION_LINES_MAX) found.push(`line ${start + 1}: ${end - start + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

group('tidy', () => {
  it.each(sources)('$name: lines fit in 100 columns', ({ text }) => {
    const long = text
      .split('\n')
      .flatMap((line, index) => (line.length > LINE_COLUMNS_MAX ? [`line ${index + 1}`] : []));
    expect(long).toEqual([]);
  });

  it.each(sources)('$name: opens with a comment saying what it owns', ({ name, text }) => {
    expect(text.startsWith('// ')).toBe(true);
    if (name.endsWith('.test.ts')) expect(text.split('\n')[0]).toMatch(/^\/\/ Goal: .+Method: /);
  });

  it.each(sources)('$name: functions are at most 70 lines', ({ name, text }) => {
    expect(longFunctions(name, text)).toEqual([]);
  });

  it.each(sources)('$name: relative imports end in .ts; no any', ({ text }) => {
    const imports = [...text.matchAll(/from\s+'(\.[^']*)'/g)].map((match) => match[1] ?? '');
    expect(imports.filter((path) => !path.endsWith('.ts'))).toEqual([]);
    const anyType = new RegExp([':\\s*', '\\bas ', '<'].map((head) => `${head}any\\b`).join('|'));
    expect(text).not.toMatch(anyType);
  });

  it.each(library)('$name: no clock, randomness or console; node built-ins only', ({ text }) => {
    expect(text).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.env/);
    const imports = [...text.matchAll(/from\s+'([^']*)'/g)].map((match) => match[1] ?? '');
    expect(imports.filter((path) => !path.startsWith('.') && !path.startsWith('node:'))).toEqual(
      [],
    );
  });

  it('file names are kebab-case', () => {
    const names = sources.map(({ name }) => name.split('/').pop() ?? '');
    expect(names.filter((name) => !/^[a-z0-9]+(-[a-z0-9]+)*(\.test)?\.ts$/.test(name))).toEqual([]);
  });
});
