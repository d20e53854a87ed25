/**
 * Keeps docs/errors.md and the code in step: every error code raised anywhere in the workspaces is
 * documented, and every documented code is still raised somewhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../../..');
const SOURCE_DIRS = ['packages', 'apps'].flatMap((group) =>
  readdirSync(join(ROOT, group), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(ROOT, group, e.name, 'src')),
);
/** SCREAMING_SNAKE strings that are not our error codes: third-party codes we translate, env names, errnos. */
const NOT_OURS =
  /^(MER_|FST_|ERR_|EAI_|E[A-Z]+$|COHORTLENS_|DATABASE_|NEON_|JWT_|STRIPE_|GROQ_|OPENAI_|ANTHROPIC_|DATA_(SOURCE|RAW_PATH|PROCESSED_PATH)$|LOG_LEVEL$|NODE_|TEST_)/;

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of SOURCE_DIRS.flatMap(sourceFiles)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) {
      if (!NOT_OURS.test(m[1])) codes.add(m[1]);
    }
  }
  return codes;
}

function codesInCatalog(): Set<string> {
  const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
  return new Set([...doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
}

describe('docs/errors.md', () => {
  it('documents every error code the code raises', () => {
    const documented = codesInCatalog();
    expect([...codesInSource()].filter((c) => !documented.has(c)).sort()).toEqual([]);
  });

  it('lists no code that nothing raises', () => {
    const raised = codesInSource();
    expect([...codesInCatalog()].filter((c) => !raised.has(c)).sort()).toEqual([]);
  });
});
