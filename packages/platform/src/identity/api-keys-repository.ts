/**
 * api_keys table. Lookups by prefix are global (the prefix is the key's public, unique id);
 * everything else is tenant-scoped.
 */
import type { Db } from '../db/db.js';
import { sql } from '../db/sql.js';
import type { ApiKey } from './identity-types.js';
import type { Role } from './roles.js';
import { isUuid } from './users-repository.js';

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  role: Role;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = sql`id, tenant_id, name, prefix, role, created_by, created_at, last_used_at, revoked_at`;
const toApiKey = (r: ApiKeyRow): ApiKey => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  prefix: r.prefix,
  role: r.role,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function insertApiKey(
  db: Db,
  tenantId: string,
  input: { name: string; prefix: string; keyHash: string; role: Role; createdBy: string | null },
): Promise<ApiKey> {
  const { rows } = await db.query<ApiKeyRow>(sql`
    INSERT INTO api_keys (tenant_id, name, prefix, key_hash, role, created_by)
    VALUES (${tenantId}, ${input.name}, ${input.prefix}, ${input.keyHash}, ${input.role}, ${input.createdBy})
    RETURNING ${COLUMNS}`);
  return toApiKey(rows[0]);
}

/** Authentication lookup by the public prefix. */
export async function findApiKeyByPrefix(
  db: Db,
  prefix: string,
): Promise<(ApiKey & { keyHash: string }) | null> {
  const { rows } = await db.query<ApiKeyRow & { key_hash: string }>(
    sql`SELECT ${COLUMNS}, key_hash FROM api_keys WHERE prefix = ${prefix}`,
  );
  return rows.length === 1 ? { ...toApiKey(rows[0]), keyHash: rows[0].key_hash } : null;
}

export async function findApiKeyById(db: Db, tenantId: string, id: string): Promise<ApiKey | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<ApiKeyRow>(
    sql`SELECT ${COLUMNS} FROM api_keys WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
  return rows.length === 1 ? toApiKey(rows[0]) : null;
}

export async function listApiKeys(db: Db, tenantId: string): Promise<ApiKey[]> {
  const { rows } = await db.query<ApiKeyRow>(
    sql`SELECT ${COLUMNS} FROM api_keys WHERE tenant_id = ${tenantId} ORDER BY created_at, prefix`,
  );
  return rows.map(toApiKey);
}

/** Sets revoked_at once (idempotent); null when the key is not in the tenant. */
export async function revokeApiKeyRecord(
  db: Db,
  tenantId: string,
  id: string,
  at: Date,
): Promise<ApiKey | null> {
  if (!isUuid(id)) return null;
  const { rows } = await db.query<ApiKeyRow>(sql`
    UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ${at})
    WHERE tenant_id = ${tenantId} AND id = ${id}
    RETURNING ${COLUMNS}`);
  return rows.length === 1 ? toApiKey(rows[0]) : null;
}

/** Records use at most once a minute per key, so API traffic does not become a write per request. */
export async function touchApiKey(db: Db, tenantId: string, id: string, at: Date): Promise<void> {
  await db.query(sql`
    UPDATE api_keys SET last_used_at = ${at}
    WHERE tenant_id = ${tenantId} AND id = ${id}
      AND (last_used_at IS NULL OR last_used_at < ${new Date(at.getTime() - 60_000)})`);
}
