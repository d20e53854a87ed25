/**
 * What `npm start` does on a laptop: the default tenant, customers the first time (when the tenant
 * has none: data.raw_path/raw_filename if that file exists, else generated samples), the main job on the stored customers, and a drift baseline so later runs say
 * whether the customers moved.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Config } from '../config/index.js';
import { IN_MEMORY_DATA_DIR } from '../config/index.js';
import { importCustomers, writeDemoCustomers } from '../customers/index.js';
import { countCustomers, ensureDefaultTenant, getActiveDriftBaseline, type Db } from '../db/index.js';
import { saveTenantBaseline } from '../drift/tenant-drift.js';
import { runPipeline, type PipelineResult, type PipelineStep } from './run-pipeline.js';

export const QUICKSTART_SAMPLE_ROWS = 2000;

export interface QuickstartResult {
  tenant: { slug: string; name: string };
  /** Set when this run imported customers: data.raw_path/raw_filename when present, else generated samples. */
  seeded: { rows: number; file: string; sample: boolean } | null;
  pipeline: PipelineResult;
  baselineSaved: boolean;
}

export async function runQuickstart(
  config: Config,
  db: Db,
  options: { onStep?: (step: PipelineStep | 'seed') => void; sampleRows?: number } = {},
): Promise<QuickstartResult> {
  const tenant = await ensureDefaultTenant(db, config);
  let seeded: QuickstartResult['seeded'] = null;
  if ((await countCustomers(db, tenant.id)) === 0) {
    options.onStep?.('seed');
    // Your own file in data.raw_path/data.raw_filename wins over generated sample customers.
    let file = join(config.data.rawPath, config.data.rawFilename);
    const sample = !existsSync(file);
    if (sample) {
      const baseDir =
        config.database.dataDir === IN_MEMORY_DATA_DIR ? tmpdir() : dirname(config.database.dataDir);
      file = join(baseDir, 'sample-customers.csv');
      const rows = options.sampleRows ?? QUICKSTART_SAMPLE_ROWS;
      await writeDemoCustomers({ rows, seed: config.models.randomSeed, out: file });
    }
    const imported = await importCustomers({ db, config }, { tenantId: tenant.id, source: file });
    seeded = { rows: imported.inserted, file, sample };
  }
  const pipeline = await runPipeline(config, {
    source: { kind: 'tenant', db, tenant },
    outputDir: config.reporting.savePath,
    figuresDir: config.reporting.figuresPath,
    processedDir: config.data.processedPath,
    format: config.reporting.format === 'html' ? 'both' : config.reporting.format,
    metrics: config.reporting.metrics,
    figures: config.reporting.figures,
    ...(options.onStep ? { onStep: options.onStep } : {}),
  });
  let baselineSaved = false;
  if (!(await getActiveDriftBaseline(db, tenant.id))) {
    await saveTenantBaseline(db, tenant, config);
    baselineSaved = true;
  }
  return { tenant: { slug: tenant.slug, name: tenant.name }, seeded, pipeline, baselineSaved };
}
