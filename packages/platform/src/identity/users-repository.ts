/**
 * Users table. Every function but the login lookup takes the tenant id and filters by it.
 * Emails are stored lower-cased; the unique index is on lower(email).
 */
import type { Db } from '../db/db.js';
import { sql } from '../db/sql.js';
import type { User } from './identity-types.js';
import type { Role } from './roles.js';

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = sql`id, tenant_id, email, role, active, created_at, updated_at`;
const toUser = (r: UserRow): User => ({
  id: r.id,
  tenantId: r.tenant_id,
  email: r.email,
  role: r.role,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Postgres rejects a malformed uuid literal; ids from URLs are checked first and treated as absent. */
export const isUuid = (s: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Inserts a user; null when the email is taken (in any tenant). */
export async function insertUser(
  db: Db,
  tenantId: string,
  input: { email: string; passwordHash: string; role: Role },
): Promise<User | null> {
  const { rows } = await db.query<UserRow>(sql`
    INSERT INTO users (tenant_id, email, password_hash, role)
    VALUES (${tenantId}, ${normalizeEmail(input.email)}, ${input.passwordHash}, ${input.role})
    ON CONFLICT ((lower(email))) DO NOTHING
    RETURNING ${COLUMNS}`);
  return rows.length === 1 ? toUser(rows[0]) : null;
}

/** Login lookup by email across tenants (emails are globally unique). */
export async function findUserForLogin(
  db: Db,
  email: string,
): Promise<(User & { passwordHash: string }) | null> {
  const { rows } = await db.query<UserRow & { password_hash: string }>(
    sql`SELECT ${COLUMNS}, password_hash FROM users WHERE lower(email) = ${normalizeEmail(email)}`,
  );
  return rows.length === 1 ? { ...toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
}

export async function findUserById(db: Db, tenantId: string, userId: string): Promise<User | null> {
  if (!isUuid(userId)) return null;
  const { rows } = await db.query<UserRow>(
    sql`SELECT ${COLUMNS} FROM users WHERE tenant_id = ${tenantId} AND id = ${userId}`,
  );
  return rows.length === 1 ? toUser(rows[0]) : null;
}

export async function listUsers(db: Db, tenantId: string): Promise<User[]> {
  const { rows } = await db.query<UserRow>(
    sql`SELECT ${COLUMNS} FROM users WHERE tenant_id = ${tenantId} ORDER BY created_at, email`,
  );
  return rows.map(toUser);
}

export async function updateUserRecord(
  db: Db,
  tenantId: string,
  userId: string,
  patch: { role?: Role; active?: boolean },
): Promise<User | null> {
  if (!isUuid(userId)) return null;
  const { rows } = await db.query<UserRow>(sql`
    UPDATE users SET
      role = COALESCE(${patch.role ?? null}::text, role),
      active = COALESCE(${patch.active ?? null}::boolean, active),
      updated_at = now()
    WHERE tenant_id = ${tenantId} AND id = ${userId}
    RETURNING ${COLUMNS}`);
  return rows.length === 1 ? toUser(rows[0]) : null;
}

/** Active owners of a tenant, locked until the transaction ends (last-owner checks). */
export async function countActiveOwners(db: Db, tenantId: string): Promise<number> {
  const { rows } = await db.query<{ id: string }>(
    sql`SELECT id FROM users WHERE tenant_id = ${tenantId} AND role = 'owner' AND active FOR UPDATE`,
  );
  return rows.length;
}

/** The password hash of a user of the tenant, or null. */
export async function findPasswordHash(db: Db, tenantId: string, userId: string): Promise<string | null> {
  if (!isUuid(userId)) return null;
  const { rows } = await db.query<{ password_hash: string }>(
    sql`SELECT password_hash FROM users WHERE tenant_id = ${tenantId} AND id = ${userId} AND active`,
  );
  return rows[0]?.password_hash ?? null;
}

export async function setPasswordHash(
  db: Db,
  tenantId: string,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db.query(
    sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = now() WHERE tenant_id = ${tenantId} AND id = ${userId}`,
  );
}
