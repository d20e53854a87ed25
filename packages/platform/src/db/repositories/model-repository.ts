/**
 * Versioned prediction models per tenant: a new version is max+1 under a row lock on the tenant
 * (concurrent trainers get distinct versions); at most one version is active.
 */
import type { Db } from '../db.js';
import { sql } from '../sql.js';

export interface ModelRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly version: number;
  readonly algorithm: string;
  readonly target: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly metrics: Readonly<Record<string, unknown>>;
  /** Serialized model (engine `toJSON()`). */
  readonly artifact: unknown;
  readonly active: boolean;
  readonly createdAt: Date;
}

export type ModelSummary = Omit<ModelRecord, 'artifact'>;

export interface NewModel {
  readonly algorithm: string;
  readonly target: string;
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly metrics?: Readonly<Record<string, unknown>>;
  readonly artifact: unknown;
  /** Make it the active version (default true). */
  readonly activate?: boolean;
}

const SUMMARY = sql`id, tenant_id AS "tenantId", version, algorithm, target, parameters, metrics, active,
  created_at AS "createdAt"`;
const FULL = sql`${SUMMARY}, artifact`;

async function setActive(tx: Db, tenantId: string, version: number): Promise<boolean> {
  const found = await tx.query(
    sql`SELECT 1 FROM models WHERE tenant_id = ${tenantId} AND version = ${version} FOR UPDATE`,
  );
  if (found.rowCount === 0) return false;
  await tx.query(
    sql`UPDATE models SET active = false WHERE tenant_id = ${tenantId} AND active AND version <> ${version}`,
  );
  await tx.query(sql`UPDATE models SET active = true WHERE tenant_id = ${tenantId} AND version = ${version}`);
  return true;
}

/** Stores a model as the tenant's next version (1, 2, …). */
export async function insertModelVersion(db: Db, tenantId: string, model: NewModel): Promise<ModelRecord> {
  return db.transaction(async (tx) => {
    await tx.query(sql`SELECT 1 FROM tenants WHERE id = ${tenantId} FOR UPDATE`);
    const { rows } = await tx.query<{ version: number }>(
      sql`INSERT INTO models (tenant_id, version, algorithm, target, parameters, metrics, artifact)
          SELECT ${tenantId}, coalesce(max(version), 0) + 1, ${model.algorithm}, ${model.target},
                 ${sql.json(model.parameters ?? {})}, ${sql.json(model.metrics ?? {})}, ${sql.json(model.artifact)}
          FROM models WHERE tenant_id = ${tenantId}
          RETURNING version`,
    );
    const version = rows[0].version;
    if (model.activate ?? true) await setActive(tx, tenantId, version);
    return (await getModelByVersion(tx, tenantId, version)) as ModelRecord;
  });
}

/** Versions, newest first, without artifacts. */
export async function listModels(
  db: Db,
  tenantId: string,
  options: { limit?: number } = {},
): Promise<ModelSummary[]> {
  const { rows } = await db.query<ModelSummary>(
    sql`SELECT ${SUMMARY} FROM models WHERE tenant_id = ${tenantId} ORDER BY version DESC LIMIT ${options.limit ?? 50}`,
  );
  return rows;
}

/** The active model with its artifact, or null. */
export async function getActiveModel(db: Db, tenantId: string): Promise<ModelRecord | null> {
  const { rows } = await db.query<ModelRecord>(
    sql`SELECT ${FULL} FROM models WHERE tenant_id = ${tenantId} AND active`,
  );
  return rows[0] ?? null;
}

/** One version with its artifact, or null. */
export async function getModelByVersion(
  db: Db,
  tenantId: string,
  version: number,
): Promise<ModelRecord | null> {
  if (!Number.isInteger(version)) return null;
  const { rows } = await db.query<ModelRecord>(
    sql`SELECT ${FULL} FROM models WHERE tenant_id = ${tenantId} AND version = ${version}`,
  );
  return rows[0] ?? null;
}

/** Makes a version active (rollback / promote); false when the version does not exist. */
export async function activateModel(db: Db, tenantId: string, version: number): Promise<boolean> {
  if (!Number.isInteger(version)) return false;
  return db.transaction((tx) => setActive(tx, tenantId, version));
}
