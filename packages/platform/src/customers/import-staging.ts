/**
 * SQL of an import, run inside its one transaction: rows go into a TEMP staging table (primary
 * key = customer id, so a repeated id in the file is caught by the database and the Node process
 * keeps no id set), the plan limit is checked against the staged ids, then one UPDATE … FROM and
 * one INSERT … SELECT merge them into `customers`, updating only rows whose values changed.
 * Each batch travels as one array parameter per column (unnest), so any batch size stays under
 * the 65,535-parameter limit; measured 3× faster on PGlite than one jsonb_to_recordset payload.
 */
import { sql, type Db } from '../db/index.js';
import type { PlanName } from '../config/index.js';
import { AppError } from '../errors/app-error.js';
import type { ImportedCustomer } from './canonical-fields.js';

/** A cleaned row and the 1-based data row it came from. */
export interface StagedRow {
  row: number;
  customer: ImportedCustomer;
}

/** Creates the staging table; ON COMMIT DROP so nothing outlives the transaction. */
export async function createImportStage(tx: Db): Promise<void> {
  await tx.query(sql`DROP TABLE IF EXISTS cohortlens_import_stage`);
  await tx.query(sql`
    CREATE TEMP TABLE cohortlens_import_stage (
      customer_id text PRIMARY KEY,
      row_no integer NOT NULL,
      gender text,
      age integer,
      annual_income double precision,
      spending_score double precision,
      profession text,
      work_experience integer,
      family_size integer,
      attributes jsonb NOT NULL
    ) ON COMMIT DROP`);
}

/**
 * Stages one batch (ids unique within the batch). Returns the data-row numbers whose id was
 * already staged by an earlier batch: those are duplicates in the file.
 */
export async function stageBatch(tx: Db, batch: readonly StagedRow[]): Promise<number[]> {
  if (batch.length === 0) return [];
  const col = <T>(pick: (c: ImportedCustomer) => T): T[] => batch.map((b) => pick(b.customer));
  const ids = col((c) => c.customerId);
  const result = await tx.query(sql`
    INSERT INTO cohortlens_import_stage
    SELECT * FROM unnest(
      ${ids}::text[], ${batch.map((b) => b.row)}::integer[], ${col((c) => c.gender)}::text[],
      ${col((c) => c.age)}::integer[], ${col((c) => c.annualIncome)}::double precision[],
      ${col((c) => c.spendingScore)}::double precision[], ${col((c) => c.profession)}::text[],
      ${col((c) => c.workExperience)}::integer[], ${col((c) => c.familySize)}::integer[],
      ${col((c) => JSON.stringify(c.attributes))}::jsonb[])
    ON CONFLICT (customer_id) DO NOTHING`);
  if (result.rowCount === batch.length) return [];
  // Rare path: some ids were staged earlier in the file; find which rows lost.
  const staged = await tx.query<{ customer_id: string; row_no: number }>(sql`
    SELECT customer_id, row_no FROM cohortlens_import_stage WHERE customer_id = ANY(${ids}::text[])`);
  const owner = new Map(staged.rows.map((r) => [r.customer_id, Number(r.row_no)]));
  return batch.filter((b) => owner.get(b.customer.customerId) !== b.row).map((b) => b.row);
}

/** Staged rows, and how many of them are not yet active customers of the tenant. */
export async function countStaged(tx: Db, tenantId: string): Promise<{ staged: number; incoming: number }> {
  const [r] = (
    await tx.query<Record<string, number>>(sql`
      SELECT count(*)::int AS staged,
             count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM customers c
               WHERE c.tenant_id = ${tenantId}::uuid AND c.customer_id = s.customer_id AND c.deleted_at IS NULL
             ))::int AS incoming
      FROM cohortlens_import_stage s`)
  ).rows;
  return { staged: Number(r.staged), incoming: Number(r.incoming) };
}

/**
 * Merges the staged rows into `customers`: changed rows are updated (a soft-deleted customer comes
 * back), identical rows left alone, then new ids inserted in file order. Two statements rather
 * than one INSERT … ON CONFLICT DO UPDATE: measured about 1.5× faster on PGlite for inserts and
 * 2× for unchanged re-imports. The tenant row is locked by the caller (tenantPlan), so another
 * import cannot add the same ids in between; a concurrent single-customer write can, and then the
 * INSERT fails with a unique violation and the whole import rolls back (retry it).
 */
export async function mergeStage(tx: Db, tenantId: string): Promise<{ inserted: number; updated: number }> {
  const updated = await tx.query(sql`
    UPDATE customers AS c SET
      gender = s.gender,
      age = s.age,
      annual_income = s.annual_income,
      spending_score = s.spending_score,
      profession = s.profession,
      work_experience = s.work_experience,
      family_size = s.family_size,
      attributes = s.attributes,
      deleted_at = NULL,
      updated_at = now()
    FROM cohortlens_import_stage AS s
    WHERE c.tenant_id = ${tenantId}::uuid AND c.customer_id = s.customer_id
      AND (c.gender, c.age, c.annual_income, c.spending_score, c.profession, c.work_experience,
           c.family_size, c.attributes, c.deleted_at)
        IS DISTINCT FROM
          (s.gender, s.age, s.annual_income, s.spending_score, s.profession, s.work_experience,
           s.family_size, s.attributes, NULL::timestamptz)`);
  const inserted = await tx.query(sql`
    INSERT INTO customers (tenant_id, customer_id, gender, age, annual_income, spending_score,
                           profession, work_experience, family_size, attributes)
    SELECT ${tenantId}::uuid, s.customer_id, s.gender, s.age, s.annual_income, s.spending_score,
           s.profession, s.work_experience, s.family_size, s.attributes
    FROM cohortlens_import_stage AS s
    WHERE NOT EXISTS (
      SELECT 1 FROM customers c WHERE c.tenant_id = ${tenantId}::uuid AND c.customer_id = s.customer_id)
    ORDER BY s.row_no`);
  return { inserted: inserted.rowCount, updated: updated.rowCount };
}

/**
 * The tenant's plan, locking the tenant row (FOR UPDATE) so two imports into one tenant queue up
 * and each checks the plan limit against the other's committed result.
 */
export async function tenantPlan(tx: Db, tenantId: string): Promise<PlanName> {
  const { rows } = await tx.query<{ plan: PlanName }>(
    sql`SELECT plan FROM tenants WHERE id::text = ${tenantId} FOR UPDATE`,
  );
  if (rows.length === 0) {
    throw new AppError('TENANT_NOT_FOUND', 'not_found', `No tenant with id ${tenantId}`, {
      details: { tenantId },
    });
  }
  return rows[0].plan;
}
