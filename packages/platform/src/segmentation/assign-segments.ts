/**
 * Use case: assigns new rows to the segments of the tenant's ACTIVE segmentation run, with the
 * run's stored scaler and clusterer (deserialized once per process by the ActiveModelCache).
 * K-means / GMM give the nearest / most likely segment; DBSCAN gives a core point's cluster within
 * eps, else -1 (noise). Rows are matched by the original's exact keys ("Age", "Annual Income ($)",
 * "Spending Score (1-100)") or the snake_case field names.
 */
import { createMatrix } from '@cohortlens/engine';
import type { Db } from '../db/db.js';
import { AppError } from '../errors/app-error.js';
import type { ActiveModelCache } from '../prediction/active-model-cache.js';

/** Original column names of the segmentation features (the API's documented keys). */
export const SEGMENT_COLUMN_NAMES: Readonly<Record<string, string>> = {
  age: 'Age',
  annual_income: 'Annual Income ($)',
  spending_score: 'Spending Score (1-100)',
  work_experience: 'Work Experience',
  family_size: 'Family Size',
};

/** Largest number of rows one call may assign. */
export const MAX_SEGMENT_ROWS = 10_000;

export interface AssignSegmentsResult {
  readonly runId: string;
  readonly algorithm: string;
  /** Segment per input row, in input order (DBSCAN noise = -1). */
  readonly clusters: number[];
}

/**
 * @throws AppError SEGMENTATION_NOT_RUN (404), SEGMENT_TOO_MANY_ROWS, SEGMENT_COLUMN_MISSING,
 *   SEGMENT_VALUE_INVALID (400)
 */
export async function assignSegments(
  deps: { db: Db; models: ActiveModelCache },
  tenantId: string,
  rows: readonly Readonly<Record<string, unknown>>[],
): Promise<AssignSegmentsResult> {
  if (rows.length > MAX_SEGMENT_ROWS) {
    throw new AppError(
      'SEGMENT_TOO_MANY_ROWS',
      'invalid_input',
      `At most ${MAX_SEGMENT_ROWS} rows per call`,
      {
        details: { rows: rows.length, max: MAX_SEGMENT_ROWS },
      },
    );
  }
  const active = await deps.models.segmentation(deps.db, tenantId);
  if (active === null) throw segmentationNotRun();
  const { features } = active;
  const X = createMatrix(rows.length, features.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < features.length; j++) {
      const name = features[j];
      const column = SEGMENT_COLUMN_NAMES[name] ?? name;
      const raw = Object.hasOwn(row, column) ? row[column] : row[name];
      if (raw === undefined) {
        throw new AppError('SEGMENT_COLUMN_MISSING', 'invalid_input', `Missing column: ${column}`, {
          details: { column, field: name, row: i },
        });
      }
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new AppError(
          'SEGMENT_VALUE_INVALID',
          'invalid_input',
          `${column} must be a finite number (row ${i})`,
          {
            details: { column, row: i },
          },
        );
      }
      X.data[i * features.length + j] = value;
    }
  }
  const labels = rows.length === 0 ? new Int32Array(0) : active.clusterer.predict(active.scaler.transform(X));
  return { runId: active.runId, algorithm: active.algorithm, clusters: Array.from(labels) };
}

/** 404 SEGMENTATION_NOT_RUN with a hint. */
export function segmentationNotRun(): AppError {
  return new AppError('SEGMENTATION_NOT_RUN', 'not_found', 'No segmentation run is active for this tenant', {
    details: { hint: 'run one: POST /api/v1/segments/runs (analyst), or cohortlens segment --save' },
  });
}
