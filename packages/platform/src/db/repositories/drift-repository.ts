/** Drift baselines (one active per tenant) and the history of drift checks. */
import type { Db } from '../db.js';
import { sql } from '../sql.js';
import { isUuid } from './is-uuid.js';

export interface DriftBaseline {
  readonly id: string;
  readonly tenantId: string;
  /** Summary statistics / reference sample as produced by the drift engine (JSON). */
  readonly baseline: unknown;
  readonly rowCount: number;
  readonly active: boolean;
  readonly createdAt: Date;
}

export interface DriftCheck {
  readonly id: string;
  readonly tenantId: string;
  readonly baselineId: string | null;
  readonly driftDetected: boolean;
  readonly result: unknown;
  readonly createdAt: Date;
}

const BASELINE = sql`id, tenant_id AS "tenantId", baseline, row_count AS "rowCount", active, created_at AS "createdAt"`;
const CHECK = sql`id, tenant_id AS "tenantId", baseline_id AS "baselineId", drift_detected AS "driftDetected",
  result, created_at AS "createdAt"`;

/** Saves a baseline and makes it the active one (the previous stays as history). */
export async function saveDriftBaseline(
  db: Db,
  tenantId: string,
  input: { baseline: unknown; rowCount: number },
): Promise<DriftBaseline> {
  return db.transaction(async (tx) => {
    await tx.query(sql`UPDATE drift_baselines SET active = false WHERE tenant_id = ${tenantId} AND active`);
    const { rows } = await tx.query<DriftBaseline>(
      sql`INSERT INTO drift_baselines (tenant_id, baseline, row_count, active)
          VALUES (${tenantId}, ${sql.json(input.baseline)}, ${input.rowCount}, true)
          RETURNING ${BASELINE}`,
    );
    return rows[0];
  });
}

/** The tenant's active baseline, or null. */
export async function getActiveDriftBaseline(db: Db, tenantId: string): Promise<DriftBaseline | null> {
  const { rows } = await db.query<DriftBaseline>(
    sql`SELECT ${BASELINE} FROM drift_baselines WHERE tenant_id = ${tenantId} AND active`,
  );
  return rows[0] ?? null;
}

/** Records the result of a drift check. */
export async function insertDriftCheck(
  db: Db,
  tenantId: string,
  input: { baselineId: string | null; driftDetected: boolean; result: unknown },
): Promise<DriftCheck> {
  const baselineId = input.baselineId !== null && isUuid(input.baselineId) ? input.baselineId : null;
  const { rows } = await db.query<DriftCheck>(
    sql`INSERT INTO drift_checks (tenant_id, baseline_id, drift_detected, result)
        SELECT ${tenantId}, (SELECT id FROM drift_baselines WHERE tenant_id = ${tenantId} AND id = ${baselineId}),
               ${input.driftDetected}, ${sql.json(input.result)}
        RETURNING ${CHECK}`,
  );
  return rows[0];
}

/** Drift checks, newest first. */
export async function listDriftChecks(
  db: Db,
  tenantId: string,
  options: { limit?: number } = {},
): Promise<DriftCheck[]> {
  const { rows } = await db.query<DriftCheck>(
    sql`SELECT ${CHECK} FROM drift_checks WHERE tenant_id = ${tenantId} ORDER BY created_at DESC, id
        LIMIT ${options.limit ?? 50}`,
  );
  return rows;
}
