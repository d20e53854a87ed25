import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fitKMeansParallel } from './fit-kmeans-parallel.js';
import { fitKMeans } from './kmeans.js';
import { makeBlobs } from './make-blobs.js';

describe('fitKMeansParallel', () => {
  it('runs restarts in a worker thread and gives exactly the single-thread result', async () => {
    const { X } = makeBlobs({ rows: 5000, cols: 3, centers: 6, clusterStd: 2, seed: 2 });
    const options = { nClusters: 6, nInit: 4, seed: 11 };
    const single = fitKMeans(X, options);
    const parallel = await fitKMeansParallel(X, {
      ...options,
      threads: 2,
      parallelMinRows: 0,
      strictWorkers: true,
    });
    expect(parallel.inertia).toBe(single.inertia);
    expect(Array.from(parallel.centers.data)).toEqual(Array.from(single.centers.data));
    expect(Array.from(parallel.labels)).toEqual(Array.from(single.labels));
  });
});

describe('fitKMeansParallel under `node --import tsx`', () => {
  it('starts its worker thread outside vitest too (the CLI and bench path)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kmeans-worker-'));
    const script = join(dir, 'run.mts');
    const here = fileURLToPath(new URL('.', import.meta.url));
    writeFileSync(
      script,
      [
        `import { fitKMeansParallel } from ${JSON.stringify(join(here, 'fit-kmeans-parallel.ts'))};`,
        `import { makeBlobs } from ${JSON.stringify(join(here, 'make-blobs.ts'))};`,
        `const { X } = makeBlobs({ rows: 3000, cols: 3, centers: 4, seed: 1 });`,
        `const m = await fitKMeansParallel(X, { nClusters: 4, nInit: 4, parallelMinRows: 0, strictWorkers: true });`,
        `console.log(JSON.stringify({ inertia: m.inertia }));`,
      ].join('\n'),
    );
    try {
      const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
      const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const { X } = makeBlobs({ rows: 3000, cols: 3, centers: 4, seed: 1 });
      const expected = fitKMeans(X, { nClusters: 4, nInit: 4 }).inertia;
      expect(JSON.parse(r.stdout.trim()).inertia).toBe(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
