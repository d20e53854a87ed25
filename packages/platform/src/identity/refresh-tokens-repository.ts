/**
 * refresh_tokens table: one row per issued token (hash only), grouped in rotation families.
 */
import type { Db } from '../db/db.js';
import { sql } from '../db/sql.js';

export interface RefreshTokenRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly familyId: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
}

interface Row {
  id: string;
  tenant_id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}
const toRecord = (r: Row): RefreshTokenRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  userId: r.user_id,
  familyId: r.family_id,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export async function insertRefreshToken(
  db: Db,
  tenantId: string,
  input: { userId: string; familyId: string; tokenHash: string; expiresAt: Date },
): Promise<RefreshTokenRecord> {
  const { rows } = await db.query<Row>(sql`
    INSERT INTO refresh_tokens (tenant_id, user_id, family_id, token_hash, expires_at)
    VALUES (${tenantId}, ${input.userId}, ${input.familyId}, ${input.tokenHash}, ${input.expiresAt})
    RETURNING id, tenant_id, user_id, family_id, expires_at, revoked_at`);
  return toRecord(rows[0]);
}

/** Finds a token by hash and locks its row for the rest of the transaction (rotation races). */
export async function findRefreshTokenForUpdate(
  db: Db,
  tokenHash: string,
): Promise<RefreshTokenRecord | null> {
  const { rows } = await db.query<Row>(sql`
    SELECT id, tenant_id, user_id, family_id, expires_at, revoked_at
    FROM refresh_tokens WHERE token_hash = ${tokenHash} FOR UPDATE`);
  return rows.length === 1 ? toRecord(rows[0]) : null;
}

export async function markRefreshTokenReplaced(
  db: Db,
  tenantId: string,
  id: string,
  replacedBy: string,
  at: Date,
): Promise<void> {
  await db.query(sql`
    UPDATE refresh_tokens SET revoked_at = ${at}, replaced_by = ${replacedBy}
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
}

/** Revokes every live token of a family; returns how many. */
export async function revokeRefreshFamily(
  db: Db,
  tenantId: string,
  familyId: string,
  at: Date,
): Promise<number> {
  const { rowCount } = await db.query(sql`
    UPDATE refresh_tokens SET revoked_at = ${at}
    WHERE tenant_id = ${tenantId} AND family_id = ${familyId} AND revoked_at IS NULL`);
  return rowCount;
}

/** Revokes every live token of a user (deactivation). */
export async function revokeUserRefreshTokens(
  db: Db,
  tenantId: string,
  userId: string,
  at: Date,
): Promise<number> {
  const { rowCount } = await db.query(sql`
    UPDATE refresh_tokens SET revoked_at = ${at}
    WHERE tenant_id = ${tenantId} AND user_id = ${userId} AND revoked_at IS NULL`);
  return rowCount;
}
