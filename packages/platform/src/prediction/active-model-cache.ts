/**
 * Per-process cache of deserialized active models, so a request never rebuilds a forest from its
 * JSON artifact: the spending model by tenant + version, the segmentation artifact (scaler +
 * clusterer) by run id, both in a small LRU. Which version / run is active is itself remembered
 * for `activeTtlMs` (default 2 s) per tenant: one indexed lookup per tenant per TTL instead of one
 * per request. Training or activating through this process calls `invalidateTenant`, so the change
 * is visible at once here and within the TTL in other processes.
 */
import {
  clustererFromJSON,
  spendingModelFromJSON,
  standardScalerFromJSON,
  type ClustererModel,
  type SpendingModel,
  type StandardScalerModel,
} from '@cohortlens/engine';
import type { Db } from '../db/db.js';
import { sql } from '../db/sql.js';
import { getModelByVersion, getSegmentationRun } from '../db/index.js';

/** A deserialized spending model and the version it is. */
export interface CachedSpendingModel {
  readonly version: number;
  readonly algorithm: string;
  readonly model: SpendingModel;
}

/** A deserialized segmentation artifact of one run. */
export interface CachedSegmentation {
  readonly runId: string;
  readonly algorithm: string;
  /** Feature names in the scaler's column order (e.g. age, annual_income, spending_score). */
  readonly features: readonly string[];
  readonly scaler: StandardScalerModel;
  readonly clusterer: ClustererModel;
}

export interface ActiveModelCacheOptions {
  /** Deserialized models kept (each kind); default 16. */
  readonly maxEntries?: number;
  /** How long the active version / run id of a tenant is trusted; default 2000 ms (0 = always ask). */
  readonly activeTtlMs?: number;
  /** Milliseconds clock (tests); default Date.now. */
  readonly clock?: () => number;
}

export interface ActiveModelCache {
  /** The tenant's active spending model, or null when none is trained / active. */
  spendingModel(db: Db, tenantId: string): Promise<CachedSpendingModel | null>;
  /** The tenant's active segmentation run's artifact, or null (no run, or no stored artifact). */
  segmentation(db: Db, tenantId: string): Promise<CachedSegmentation | null>;
  /** Forgets which version / run is active for the tenant (after train, activate, segment). */
  invalidateTenant(tenantId: string): void;
  /** Numbers of deserializations done (tests and diagnostics). */
  readonly stats: { spendingLoads: number; segmentationLoads: number };
}

/** Insertion-ordered Map as LRU: a hit moves the key to the end, overflow drops the first. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

interface ActivePointer<K> {
  readonly key: K | null;
  readonly at: number;
}

/** Creates an empty cache (one per process / per app). */
export function createActiveModelCache(options: ActiveModelCacheOptions = {}): ActiveModelCache {
  const max = options.maxEntries ?? 16;
  const ttl = options.activeTtlMs ?? 2000;
  const clock = options.clock ?? Date.now;
  const models = new Lru<Promise<CachedSpendingModel | null>>(max);
  const runs = new Lru<Promise<CachedSegmentation | null>>(max);
  const activeVersion = new Map<string, ActivePointer<number>>();
  const activeRun = new Map<string, ActivePointer<string>>();
  const stats = { spendingLoads: 0, segmentationLoads: 0 };

  const fresh = <K>(p: ActivePointer<K> | undefined): p is ActivePointer<K> =>
    p !== undefined && clock() - p.at < ttl;

  async function currentVersion(db: Db, tenantId: string): Promise<number | null> {
    const known = activeVersion.get(tenantId);
    if (fresh(known)) return known.key;
    const { rows } = await db.query<{ version: number }>(
      sql`SELECT version FROM models WHERE tenant_id = ${tenantId} AND active`,
    );
    const key = rows[0]?.version ?? null;
    activeVersion.set(tenantId, { key, at: clock() });
    return key;
  }

  async function currentRun(db: Db, tenantId: string): Promise<string | null> {
    const known = activeRun.get(tenantId);
    if (fresh(known)) return known.key;
    const { rows } = await db.query<{ id: string }>(
      sql`SELECT id FROM segmentation_runs WHERE tenant_id = ${tenantId} AND active`,
    );
    const key = rows[0]?.id ?? null;
    activeRun.set(tenantId, { key, at: clock() });
    return key;
  }

  return {
    stats,
    async spendingModel(db, tenantId) {
      const version = await currentVersion(db, tenantId);
      if (version === null) return null;
      const key = `${tenantId}:${version}`;
      let entry = models.get(key);
      if (entry === undefined) {
        // The promise is cached, so concurrent first requests deserialize once.
        entry = (async () => {
          const record = await getModelByVersion(db, tenantId, version);
          if (record === null) return null;
          stats.spendingLoads++;
          return { version, algorithm: record.algorithm, model: spendingModelFromJSON(record.artifact) };
        })();
        models.set(key, entry);
        // A failed load is not remembered: the next request tries again.
        entry.catch(() => models.delete(key));
      }
      const loaded = await entry;
      if (loaded === null) activeVersion.delete(tenantId);
      return loaded;
    },
    async segmentation(db, tenantId) {
      const runId = await currentRun(db, tenantId);
      if (runId === null) return null;
      let entry = runs.get(runId);
      if (entry === undefined) {
        entry = (async () => {
          const run = await getSegmentationRun(db, tenantId, runId);
          const artifact = run?.model as {
            features?: string[];
            scaler?: unknown;
            clusterer?: unknown;
          } | null;
          if (run === null || artifact === null || artifact === undefined || !artifact.clusterer) return null;
          stats.segmentationLoads++;
          return {
            runId,
            algorithm: run.algorithm,
            features: artifact.features ?? [],
            scaler: standardScalerFromJSON(artifact.scaler),
            clusterer: clustererFromJSON(artifact.clusterer),
          };
        })();
        runs.set(runId, entry);
        entry.catch(() => runs.delete(runId));
      }
      return entry;
    },
    invalidateTenant(tenantId) {
      activeVersion.delete(tenantId);
      activeRun.delete(tenantId);
    },
  };
}
