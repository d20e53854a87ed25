import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = new URL('.', import.meta.url).pathname;
const DIRS = [here, join(here, '../../../packages/platform/src/identity')];
// Third-party codes we translate, not ours.
const FOREIGN = /^(MER_|FST_)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !dir.includes('testing')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('error code catalog', () => {
  it('apps/server/README.md documents every error code the server and identity feature raise', () => {
    const codes = new Set<string>();
    for (const file of DIRS.flatMap(sources)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) {
        if (!FOREIGN.test(m[1])) codes.add(m[1]);
      }
    }
    const readme = readFileSync(join(here, '../README.md'), 'utf8');
    expect(codes.size).toBeGreaterThan(20);
    expect([...codes].filter((c) => !readme.includes(`\`${c}\``)).sort()).toEqual([]);
  });
});
