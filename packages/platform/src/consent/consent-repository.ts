/**
 * Consent records (table `consents`, migration 0001): an append-only history per customer and
 * consent type; the newest row is the current state. Every query is tenant-scoped.
 */
import { sql, type Db } from '../db/index.js';

export interface ConsentRecord {
  readonly id: string;
  readonly tenantId: string;
  /** The tenant's customer id (customers.customer_id, the external id). */
  readonly customerId: string;
  readonly consentType: string;
  readonly granted: boolean;
  readonly createdAt: Date;
}

const COLUMNS = sql`id, tenant_id AS "tenantId", customer_id AS "customerId", consent_type AS "consentType",
  granted, created_at AS "createdAt"`;

/** Appends a consent decision. */
export async function insertConsent(
  db: Db,
  tenantId: string,
  input: { customerId: string; consentType: string; granted: boolean },
): Promise<ConsentRecord> {
  const { rows } = await db.query<ConsentRecord>(
    sql`INSERT INTO consents (tenant_id, customer_id, consent_type, granted)
        VALUES (${tenantId}, ${input.customerId}, ${input.consentType}, ${input.granted})
        RETURNING ${COLUMNS}`,
  );
  return rows[0];
}

/** A customer's consent decisions, newest first, optionally of one type. */
export async function listConsents(
  db: Db,
  tenantId: string,
  customerId: string,
  options: { consentType?: string; limit?: number } = {},
): Promise<ConsentRecord[]> {
  const type = options.consentType === undefined ? sql`` : sql` AND consent_type = ${options.consentType}`;
  const { rows } = await db.query<ConsentRecord>(
    sql`SELECT ${COLUMNS} FROM consents WHERE tenant_id = ${tenantId} AND customer_id = ${customerId}${type}
        ORDER BY created_at DESC, id LIMIT ${options.limit ?? 200}`,
  );
  return rows;
}
