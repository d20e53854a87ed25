import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, generateCustomers } from '@cohortlens/engine';
import { customersToTable } from '../datasets/customer-table.js';
import { segmentTable, type SegmentTableOptions } from './segment-table.js';

const OPTIONS: SegmentTableOptions = {
  algorithm: 'kmeans',
  k: 'auto',
  features: ['age', 'annual_income', 'spending_score'],
  kRange: [2, 11],
  nInit: 10,
  maxIterations: 300,
  seed: 42,
  dbscan: { eps: 0.5, minSamples: 5 },
};

function sample(rows: number) {
  const generated = [...generateCustomers({ rows, seed: 3, duplicateShare: 0, messiness: 0 })];
  const { table } = customersToTable(generated.map((c) => ({ ...c, attributes: {} })));
  return { table, planted: Int32Array.from(generated, (c) => c.segment) };
}

describe('segmentTable', () => {
  it('finds the planted segments automatically and labels each one uniquely', async () => {
    const { table, planted } = sample(1500);
    const outcome = await segmentTable(table, OPTIONS);
    expect(outcome.k).toBe(5);
    expect(outcome.kSelection.method).toBe('silhouette');
    expect(adjustedRandIndex(planted, outcome.labels)).toBeGreaterThan(0.9);
    expect(new Set(outcome.profiles.map((p) => p.label)).size).toBe(5);
    expect(outcome.recommendations).toHaveLength(5);
    expect(outcome.silhouette).toBeGreaterThan(0.4);
    expect(outcome.rowsUsed).toBe(1500);
  });

  it('honours a fixed k and the Gaussian mixture', async () => {
    const { table } = sample(600);
    const outcome = await segmentTable(table, { ...OPTIONS, algorithm: 'gmm', k: 3 });
    expect(outcome.k).toBe(3);
    expect(outcome.kSelection.method).toBe('fixed');
    expect(new Set(outcome.labels).size).toBe(3);
    expect(outcome.artifact.clusterer.kind).toBe('gaussian-mixture');
  });

  it('runs DBSCAN with the configured eps and min_samples and keeps noise as -1', async () => {
    const { table } = sample(600);
    const outcome = await segmentTable(table, {
      ...OPTIONS,
      algorithm: 'dbscan',
      dbscan: { eps: 0.4, minSamples: 8 },
    });
    expect(outcome.kSelection.method).toBe('density');
    expect(outcome.k).toBeGreaterThanOrEqual(2);
    expect(outcome.labels.every((l) => l >= -1 && l < outcome.k)).toBe(true);
  });

  it('says which field is missing instead of failing obscurely', async () => {
    const { table } = sample(50);
    await expect(segmentTable(table, { ...OPTIONS, features: ['age', 'loyalty'] })).rejects.toMatchObject({
      code: 'DATA_FIELD_MISSING',
    });
  });
});
