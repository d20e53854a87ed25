/**
 * Stored predictions (partitioned by month). Batches go in one statement per call via unnest;
 * the customer row is resolved from customerId inside the tenant, so callers need not know it.
 */
import type { Db } from '../db.js';
import { sql } from '../sql.js';

export interface NewPrediction {
  /** External customer id, when the prediction is about a stored customer. */
  readonly customerId?: string | null;
  readonly modelVersion: number;
  readonly predicted: number;
  readonly intervalLow?: number | null;
  readonly intervalHigh?: number | null;
  /** The input features as used (snapshot, for audit and drift). */
  readonly features: Readonly<Record<string, unknown>>;
  readonly explanation?: unknown;
}

export interface Prediction {
  readonly id: string;
  readonly tenantId: string;
  /** Internal customer row id; null for ad-hoc inputs or when the customer was deleted. */
  readonly customerPk: number | null;
  readonly customerId: string | null;
  readonly modelVersion: number;
  readonly predicted: number;
  readonly intervalLow: number | null;
  readonly intervalHigh: number | null;
  readonly features: Readonly<Record<string, unknown>>;
  readonly explanation: unknown;
  readonly createdAt: Date;
}

const COLUMNS = sql`id, tenant_id AS "tenantId", customer_pk AS "customerPk", customer_id AS "customerId",
  model_version AS "modelVersion", predicted, interval_low AS "intervalLow", interval_high AS "intervalHigh",
  features, explanation, created_at AS "createdAt"`;

/** Inserts predictions in one statement; returns them in input order. */
export async function insertPredictions(
  db: Db,
  tenantId: string,
  predictions: readonly NewPrediction[],
): Promise<Prediction[]> {
  if (predictions.length === 0) return [];
  const col = <T>(f: (p: NewPrediction) => T) => predictions.map(f);
  // Ids are generated in the input CTE so the result can be joined back to input order.
  const { rows } = await db.query<Prediction>(sql`
    WITH input AS (
      SELECT gen_random_uuid() AS id, u.* FROM unnest(
        ${col((p) => p.customerId ?? null)}::text[], ${col((p) => p.modelVersion)}::integer[],
        ${col((p) => p.predicted)}::float8[], ${col((p) => p.intervalLow ?? null)}::float8[],
        ${col((p) => p.intervalHigh ?? null)}::float8[], ${col((p) => JSON.stringify(p.features))}::text[],
        ${col((p) => (p.explanation === undefined ? null : JSON.stringify(p.explanation)))}::text[]
      ) WITH ORDINALITY AS u(customer_id, model_version, predicted, interval_low, interval_high, features,
        explanation, ord)
    ), inserted AS (
      INSERT INTO predictions (id, tenant_id, customer_pk, customer_id, model_version, predicted, interval_low,
        interval_high, features, explanation)
      SELECT i.id, ${tenantId}::uuid, c.id, i.customer_id, i.model_version, i.predicted, i.interval_low,
        i.interval_high, i.features::jsonb, i.explanation::jsonb
      FROM input i
      LEFT JOIN customers c ON c.tenant_id = ${tenantId} AND c.customer_id = i.customer_id AND c.deleted_at IS NULL
      RETURNING ${COLUMNS}
    )
    SELECT inserted.* FROM inserted JOIN input ON input.id = inserted.id ORDER BY input.ord`);
  return rows;
}

/** Inserts one prediction. */
export async function insertPrediction(
  db: Db,
  tenantId: string,
  prediction: NewPrediction,
): Promise<Prediction> {
  return (await insertPredictions(db, tenantId, [prediction]))[0];
}

export interface PredictionFilter {
  readonly customerId?: string;
  readonly since?: Date;
  readonly until?: Date;
  /** Default 100, at most 10,000. */
  readonly limit?: number;
}

/** Predictions of the tenant, newest first. */
export async function listPredictions(
  db: Db,
  tenantId: string,
  filter: PredictionFilter = {},
): Promise<Prediction[]> {
  const conditions = [sql`tenant_id = ${tenantId}`];
  if (filter.customerId !== undefined) conditions.push(sql`customer_id = ${filter.customerId}`);
  if (filter.since !== undefined) conditions.push(sql`created_at >= ${filter.since}`);
  if (filter.until !== undefined) conditions.push(sql`created_at < ${filter.until}`);
  const limit = Math.min(Math.max(1, filter.limit ?? 100), 10_000);
  const { rows } = await db.query<Prediction>(
    sql`SELECT ${COLUMNS} FROM predictions WHERE ${sql.join(conditions, ' AND ')}
        ORDER BY created_at DESC, id LIMIT ${limit}`,
  );
  return rows;
}
