/**
 * Use case: the profiles of the tenant's ACTIVE segmentation run as stored (labels, sizes, feature
 * means, recommendations) — read, never refitted (the original refitted on every call).
 */
import type { ClusterProfile, SegmentRecommendation } from '@cohortlens/engine';
import { getActiveSegmentationRun, type Db } from '../db/index.js';
import { segmentationNotRun } from './assign-segments.js';

export interface StoredSegmentProfile {
  readonly segment: number;
  readonly label: string;
  readonly size: number;
  readonly share: number;
  /** Mean of each numeric feature in the segment. */
  readonly means: Record<string, number>;
  readonly categorical: Record<string, Record<string, number>>;
}

export interface ActiveSegmentProfiles {
  readonly runId: string;
  readonly algorithm: string;
  readonly k: number;
  readonly createdAt: Date;
  /** segment → label. */
  readonly labels: Record<string, string>;
  /** segment → size. */
  readonly sizes: Record<string, number>;
  readonly profiles: StoredSegmentProfile[];
  readonly recommendations: SegmentRecommendation[];
}

/** @throws AppError SEGMENTATION_NOT_RUN (404) when the tenant has no active run. */
export async function activeSegmentProfiles(db: Db, tenantId: string): Promise<ActiveSegmentProfiles> {
  const run = await getActiveSegmentationRun(db, tenantId);
  if (run === null) throw segmentationNotRun();
  const stored = (run.profiles ?? {}) as {
    profiles?: ClusterProfile[];
    recommendations?: SegmentRecommendation[];
  };
  const profiles = (stored.profiles ?? []).map((p): StoredSegmentProfile => ({
    segment: p.segment,
    label: p.label,
    size: p.size,
    share: p.share,
    means: Object.fromEntries(Object.entries(p.numeric ?? {}).map(([k, v]) => [k, v.mean])),
    categorical: p.categorical ?? {},
  }));
  return {
    runId: run.id,
    algorithm: run.algorithm,
    k: run.k,
    createdAt: run.createdAt,
    labels: Object.fromEntries(profiles.map((p) => [String(p.segment), p.label])),
    sizes: Object.fromEntries(profiles.map((p) => [String(p.segment), p.size])),
    profiles,
    recommendations: stored.recommendations ?? [],
  };
}
