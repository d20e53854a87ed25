/**
 * The file-mode analysis commands as real processes: documented JSON shapes, the labels file,
 * reports on disk, and errors as one JSON document with the category's exit code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoCustomers } from '@cohortlens/platform';

const BIN = resolve(import.meta.dirname, '../bin/cohortlens.js');
const dir = mkdtempSync(join(tmpdir(), 'cohortlens-analysis-'));
const reference = join(dir, 'reference.csv');
const shifted = join(dir, 'shifted.csv');

beforeAll(async () => {
  await writeDemoCustomers({ rows: 500, seed: 1, out: reference });
  // Ages +15 years: a drift the tests must see.
  const lines = readFileSync(reference, 'utf8').trim().split('\n');
  const moved = lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (cells[2] !== '') cells[2] = String(Number(cells[2]) + 15);
    return cells.join(',');
  });
  writeFileSync(shifted, [lines[0], ...moved].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--json'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', COHORTLENS_CONFIG: '', COHORTLENS_DATA_DIR: join(dir, 'no-db') },
    timeout: 120_000,
  });
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return { code: r.status, json: JSON.parse(lines[0]) };
}

describe('analysis commands in file mode', () => {
  it('segment --json gives {algorithm, k, silhouette, inertia, sizes, profiles} and --labels-out every row used', () => {
    const labels = join(dir, 'labels.csv');
    const r = cli('segment', '--data', reference, '--k', '4', '--seed', '3', '--labels-out', labels);
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ algorithm: 'kmeans', k: 4 });
    expect(typeof r.json.silhouette).toBe('number');
    expect(r.json.inertia).toBeGreaterThan(0);
    expect(Object.values(r.json.sizes as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      r.json.rowsUsed,
    );
    expect(r.json.profiles).toHaveLength(4);
    const rows = readFileSync(labels, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('customer_id,segment');
    expect(rows).toHaveLength(r.json.rowsUsed + 1);
  });

  it('predict --json gives cross-validated and hold-out metrics', () => {
    const r = cli(
      'predict',
      '--data',
      reference,
      '--algorithm',
      'random_forest',
      '--cv',
      '3',
      '--holdout',
      '0.2',
    );
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      algorithm: 'random_forest',
      cv: { folds: 3 },
      holdout: { rows: expect.any(Number) },
    });
    expect(r.json.cv.r2).toBeGreaterThan(0.3);
    expect(r.json.holdout.rows).toBeGreaterThan(90);
  });

  it('drift --json flags the shifted age and no test on the id', () => {
    const r = cli('drift', '--reference', reference, '--current', shifted);
    expect(r.code).toBe(0);
    expect(r.json.features.age).toMatchObject({ test: 'ks', drift: true });
    expect(r.json.features.age.p_value).toBeLessThan(0.05);
    expect(r.json.features).not.toHaveProperty('customer_id');
    expect(r.json.features.spending_score.drift).toBe(false);
    expect(typeof r.json.dataset_drift).toBe('boolean');
  });

  it('run --json writes the HTML and PDF reports it names', () => {
    const r = cli('run', '--data', reference, '--output', join(dir, 'out'), '--format', 'both');
    expect(r.code).toBe(0);
    expect(statSync(r.json.reports.html).size).toBeGreaterThan(10_000);
    expect(readFileSync(r.json.reports.pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers an unknown figure with REPORT_UNKNOWN_FIGURE and exit code 2', () => {
    const r = cli('run', '--data', reference, '--figures', 'gender', '--output', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.json.error.code).toBe('REPORT_UNKNOWN_FIGURE');
  });
});
