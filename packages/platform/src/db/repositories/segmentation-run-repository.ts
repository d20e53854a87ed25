/**
 * Segmentation runs and their per-customer assignments. Assignments are inserted in bulk with
 * unnest arrays (chunks of ASSIGNMENT_CHUNK rows), joined to the tenant's customers so a run can
 * only reference its own tenant's rows. At most one run per tenant is active.
 */
import type { Db } from '../db.js';
import { sql } from '../sql.js';
import { isUuid } from './is-uuid.js';

export interface SegmentationRun {
  readonly id: string;
  readonly tenantId: string;
  readonly algorithm: string;
  /** Number of segments found (DBSCAN: clusters excluding noise). */
  readonly k: number;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly profiles: unknown;
  /** Serialized model (engine `toJSON()`), null when the algorithm cannot assign new rows. */
  readonly model: unknown;
  /** Assignments stored for this run. */
  readonly customerCount: number;
  readonly active: boolean;
  readonly createdAt: Date;
}

export type SegmentationRunSummary = Omit<SegmentationRun, 'model' | 'profiles'>;

export interface NewSegmentationRun {
  readonly algorithm: string;
  readonly k: number;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly metrics?: Readonly<Record<string, unknown>>;
  readonly profiles?: unknown;
  readonly model?: unknown;
  /** Internal customer row ids (`Customer.id` / `CustomerTable.ids`) and their segment (-1 = noise). */
  readonly assignments: {
    readonly customerPks: ArrayLike<number>;
    readonly segments: ArrayLike<number>;
  };
  /** Make this the tenant's active run (default true). */
  readonly activate?: boolean;
}

export const ASSIGNMENT_CHUNK = 50_000;

const SUMMARY = sql`id, tenant_id AS "tenantId", algorithm, k, parameters, metrics,
  customer_count AS "customerCount", active, created_at AS "createdAt"`;
const FULL = sql`${SUMMARY}, profiles, model`;

async function setActive(tx: Db, tenantId: string, runId: string): Promise<boolean> {
  const found = await tx.query(
    sql`SELECT 1 FROM segmentation_runs WHERE tenant_id = ${tenantId} AND id = ${runId} FOR UPDATE`,
  );
  if (found.rowCount === 0) return false;
  await tx.query(
    sql`UPDATE segmentation_runs SET active = false WHERE tenant_id = ${tenantId} AND active AND id <> ${runId}`,
  );
  const { rowCount } = await tx.query(
    sql`UPDATE segmentation_runs SET active = true WHERE tenant_id = ${tenantId} AND id = ${runId}`,
  );
  return rowCount > 0;
}

/**
 * Stores a run and its assignments in one transaction. Assignments whose customer row does not
 * belong to the tenant (or no longer exists) are skipped; `customerCount` tells how many were kept.
 */
export async function insertSegmentationRun(
  db: Db,
  tenantId: string,
  run: NewSegmentationRun,
): Promise<SegmentationRun> {
  const { customerPks, segments } = run.assignments;
  if (customerPks.length !== segments.length) {
    throw new RangeError('assignments.customerPks and assignments.segments differ in length');
  }
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      sql`INSERT INTO segmentation_runs (tenant_id, algorithm, k, parameters, metrics, profiles, model)
          VALUES (${tenantId}, ${run.algorithm}, ${run.k}, ${sql.json(run.parameters ?? {})},
                  ${sql.json(run.metrics ?? {})}, ${sql.json(run.profiles ?? [])}, ${sql.json(run.model ?? null)})
          RETURNING id`,
    );
    const runId = rows[0].id;
    let stored = 0;
    for (let start = 0; start < customerPks.length; start += ASSIGNMENT_CHUNK) {
      const end = Math.min(start + ASSIGNMENT_CHUNK, customerPks.length);
      const pks = Array.from({ length: end - start }, (_, i) => customerPks[start + i]);
      const segs = Array.from({ length: end - start }, (_, i) => segments[start + i]);
      const { rowCount } = await tx.query(
        sql`INSERT INTO segment_assignments (run_id, tenant_id, customer_pk, segment)
            SELECT ${runId}::uuid, ${tenantId}::uuid, c.id, u.segment
            FROM unnest(${pks}::bigint[], ${segs}::integer[]) AS u(customer_pk, segment)
            JOIN customers c ON c.id = u.customer_pk AND c.tenant_id = ${tenantId}
            ON CONFLICT (run_id, customer_pk) DO UPDATE SET segment = EXCLUDED.segment`,
      );
      stored += rowCount;
    }
    await tx.query(sql`UPDATE segmentation_runs SET customer_count = ${stored} WHERE id = ${runId}`);
    if (run.activate ?? true) await setActive(tx, tenantId, runId);
    return (await getSegmentationRun(tx, tenantId, runId)) as SegmentationRun;
  });
}

/** Makes a run the tenant's active one; false when the run does not exist for this tenant. */
export async function activateSegmentationRun(db: Db, tenantId: string, runId: string): Promise<boolean> {
  if (!isUuid(runId)) return false;
  return db.transaction((tx) => setActive(tx, tenantId, runId));
}

/** One run with profiles and model, or null. */
export async function getSegmentationRun(
  db: Db,
  tenantId: string,
  runId: string,
): Promise<SegmentationRun | null> {
  if (!isUuid(runId)) return null;
  const { rows } = await db.query<SegmentationRun>(
    sql`SELECT ${FULL} FROM segmentation_runs WHERE tenant_id = ${tenantId} AND id = ${runId}`,
  );
  return rows[0] ?? null;
}

/** The tenant's active run, or null. */
export async function getActiveSegmentationRun(db: Db, tenantId: string): Promise<SegmentationRun | null> {
  const { rows } = await db.query<SegmentationRun>(
    sql`SELECT ${FULL} FROM segmentation_runs WHERE tenant_id = ${tenantId} AND active`,
  );
  return rows[0] ?? null;
}

/** Runs, newest first, without the (large) profiles and model. */
export async function listSegmentationRuns(
  db: Db,
  tenantId: string,
  options: { limit?: number } = {},
): Promise<SegmentationRunSummary[]> {
  const { rows } = await db.query<SegmentationRunSummary>(
    sql`SELECT ${SUMMARY} FROM segmentation_runs WHERE tenant_id = ${tenantId}
        ORDER BY created_at DESC, id LIMIT ${options.limit ?? 50}`,
  );
  return rows;
}

export interface SegmentAssignments {
  readonly customerPks: number[];
  readonly customerIds: string[];
  readonly segments: number[];
}

/** The assignments of a run (live customers only), ordered by customer_id. */
export async function getSegmentAssignments(
  db: Db,
  tenantId: string,
  runId: string,
): Promise<SegmentAssignments> {
  const out: SegmentAssignments = { customerPks: [], customerIds: [], segments: [] };
  if (!isUuid(runId)) return out;
  const { rows } = await db.query<{ pk: number; customerId: string; segment: number }>(
    sql`SELECT c.id AS pk, c.customer_id AS "customerId", a.segment
        FROM segment_assignments a JOIN customers c ON c.id = a.customer_pk
        WHERE a.tenant_id = ${tenantId} AND a.run_id = ${runId} AND c.deleted_at IS NULL
        ORDER BY c.customer_id`,
  );
  for (const r of rows) {
    out.customerPks.push(r.pk);
    out.customerIds.push(r.customerId);
    out.segments.push(r.segment);
  }
  return out;
}

/** The segment of one customer in the tenant's active run, or null when unassigned. */
export async function getCustomerSegment(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<number | null> {
  const { rows } = await db.query<{ segment: number }>(
    sql`SELECT a.segment FROM segment_assignments a
        JOIN segmentation_runs r ON r.id = a.run_id AND r.active
        JOIN customers c ON c.id = a.customer_pk
        WHERE a.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND c.tenant_id = ${tenantId}
          AND c.customer_id = ${customerId} AND c.deleted_at IS NULL`,
  );
  return rows[0]?.segment ?? null;
}
