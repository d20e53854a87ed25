import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { importCustomers, writeDemoCustomers } from '../customers/index.js';
import { getActiveModel, getActiveSegmentationRun, getSegmentAssignments, type Db } from '../db/index.js';
import { createTestDb, createTestTenant } from '../db/testing/index.js';
import { checkTenantDrift, saveTenantBaseline } from '../drift/index.js';
import { runPipeline } from './run-pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'cohortlens-pipeline-'));
const config = loadConfig({ env: {}, cwd: dir });
let db: Db;
const file = join(dir, 'customers.csv');

beforeAll(async () => {
  db = await createTestDb();
  await writeDemoCustomers({ rows: 600, seed: 11, out: file });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runPipeline', () => {
  it('file mode: analyses a file and writes both reports without touching a database', async () => {
    const result = await runPipeline(config, {
      source: { kind: 'file', path: file },
      outputDir: join(dir, 'file-reports'),
      format: 'both',
      k: 'auto',
      figuresDir: join(dir, 'figures'),
      processedDir: join(dir, 'processed'),
    });
    expect(result.persisted).toBeNull();
    expect(result.rowsRead).toBe(600);
    expect(result.analysis.segmentation.k).toBe(5);
    expect(statSync(result.reports.pdf!).size).toBeGreaterThan(10_000);
    const html = readFileSync(result.reports.html!, 'utf8');
    for (const p of result.analysis.segmentation.profiles) expect(html).toContain(p.label);
    expect(html).not.toMatch(/src="http|<script/);
    expect(result.reports.figureFiles?.map((f) => f.name)).toContain('clusters');
    const scored = readFileSync(result.scoredCustomers!, 'utf8').trim().split('\n');
    expect(scored[0]).toBe(
      'customer_id,segment,segment_label,predicted_spending,prediction_lower,prediction_upper,savings_percent',
    );
    expect(scored).toHaveLength(1 + result.rowsRead - result.rowsRejected);
    const [, segment, label, predicted, lower, upper] = scored[1].split(',');
    expect(Number(segment)).toBeGreaterThanOrEqual(0);
    expect(result.analysis.segmentation.profiles.map((p) => p.label)).toContain(label);
    expect(Number(lower)).toBeLessThanOrEqual(Number(predicted));
    expect(Number(upper)).toBeGreaterThanOrEqual(Number(predicted));
  });

  it('tenant mode: persists the run and a model version, and reports drift once a baseline exists', async () => {
    const tenant = await createTestTenant(db);
    await importCustomers({ db, config }, { tenantId: tenant.id, source: file });
    const first = await runPipeline(config, {
      source: { kind: 'tenant', db, tenant },
      outputDir: join(dir, 'tenant-reports'),
      format: 'html',
    });
    expect(first.persisted).not.toBeNull();
    expect(first.driftChecked).toBe(false);
    const run = await getActiveSegmentationRun(db, tenant.id);
    expect(run?.id).toBe(first.persisted!.segmentationRunId);
    const assignments = await getSegmentAssignments(db, tenant.id, run!.id);
    expect(assignments.customerIds.length).toBe(first.analysis.segmentation.rowsUsed);
    expect((await getActiveModel(db, tenant.id))?.version).toBe(first.persisted!.modelVersion);

    await saveTenantBaseline(db, tenant);
    const drift = await checkTenantDrift(db, tenant);
    expect(drift.dataset_drift).toBe(false);
    expect(Object.keys(drift.features)).not.toContain('customer_id');

    const second = await runPipeline(config, {
      source: { kind: 'tenant', db, tenant },
      outputDir: join(dir, 'tenant-reports'),
      format: 'html',
      figures: ['drift'],
      metrics: ['r2'],
    });
    expect(second.driftChecked).toBe(true);
    expect(second.persisted!.modelVersion).toBe(first.persisted!.modelVersion + 1);
    const html = readFileSync(second.reports.html!, 'utf8');
    expect(html).toContain('Baseline of');
    expect(html).not.toContain('MAE');
  });

  it('rejects an unknown figure before analysing anything', async () => {
    await expect(
      runPipeline(config, {
        source: { kind: 'file', path: join(dir, 'missing.csv') },
        outputDir: dir,
        format: 'html',
        figures: ['gender'],
      }),
    ).rejects.toMatchObject({ code: 'REPORT_UNKNOWN_FIGURE' });
  });

  it('says when a tenant has no customers', async () => {
    const tenant = await createTestTenant(db);
    await expect(
      runPipeline(config, { source: { kind: 'tenant', db, tenant }, outputDir: dir, format: 'html' }),
    ).rejects.toMatchObject({ code: 'NO_CUSTOMERS' });
  });
});
