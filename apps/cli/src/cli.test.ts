/**
 * End-to-end: spawns `node apps/cli/bin/cohortlens.js … --json` as a real process and parses
 * stdout. Kept to a few spawns (each costs ~0.5 s plus the embedded database start).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';

const BIN = resolve(import.meta.dirname, '../bin/cohortlens.js');
const dir = mkdtempSync(join(tmpdir(), 'cohortlens-cli-'));
const dataDir = join(dir, 'data');
const configPath = join(dir, 'cohortlens.yaml');
writeFileSync(configPath, `database:\n  data_dir: ${JSON.stringify(dataDir)}\nlogging:\n  level: warn\n`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number; json: unknown; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, '--config', configPath, ...args], {
    cwd: dir,
    encoding: 'utf8',
    // Empty values count as unset: the embedded database in dataDir, whatever the developer's shell has.
    env: {
      ...process.env,
      DATABASE_URL: '',
      NEON_DATABASE_URL: '',
      COHORTLENS_CONFIG: '',
      COHORTLENS_DATA_DIR: '',
    },
    timeout: 120_000,
  });
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return { code: r.status ?? -1, json: JSON.parse(lines[0]), stderr: r.stderr };
}

describe('cohortlens CLI', () => {
  it('demo-data writes a CSV without touching the database', () => {
    const out = join(dir, 'demo.csv');
    const r = cli('demo-data', '--rows', '300', '--seed', '5', '--out', out, '--json');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ rows: 300, seed: 5 });
    expect(existsSync(out)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('imports a file, then re-imports it with nothing changed', () => {
    const out = join(dir, 'demo.csv');
    const first = cli('import', out, '--json', '--rejects', join(dir, 'rejects.csv'));
    expect(first.code).toBe(0);
    const a = first.json as { inserted: number; rejected: number; unchanged: number };
    expect(a.inserted + a.rejected).toBe(300);
    expect(a.unchanged).toBe(0);
    const second = cli('import', out, '--json');
    expect(second.json).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: a.inserted,
      rejected: a.rejected,
    });
  });

  it('reports errors as one JSON document with the exit code of their category', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = cli('import', empty, '--json');
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ error: { code: 'IMPORT_EMPTY_FILE' } });
    const usage = cli('segment', '--k', 'many', '--json');
    expect(usage.code).toBe(2);
    expect(usage.json).toMatchObject({ error: { code: 'CLI_USAGE' } });
  });

  it('imports data.raw_path/data.raw_filename when no file is named', () => {
    const missing = cli('import', '--json');
    expect(missing.code).toBe(3);
    expect(missing.json).toMatchObject({ error: { code: 'IMPORT_FILE_NOT_FOUND' } });
    mkdirSync(join(dir, 'data/raw'), { recursive: true });
    copyFileSync(join(dir, 'demo.csv'), join(dir, 'data/raw/Customers.csv'));
    const r = cli('import', '--json');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('migrate reports nothing left to apply on a migrated database', () => {
    const r = cli('migrate', '--json');
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ applied: [] });
  });
});
