/**
 * Keyset page of a tenant's live customers after a customer id (GraphQL connections): one
 * indexed range scan however deep the page, unlike OFFSET.
 */
import type { Customer, Db } from '../db/index.js';
import { sql } from '../db/sql.js';

export interface CustomersAfterPage {
  readonly items: Customer[];
  readonly hasNextPage: boolean;
}

const COLUMNS = sql`id, tenant_id AS "tenantId", customer_id AS "customerId", gender, age,
  annual_income AS "annualIncome", spending_score AS "spendingScore", profession,
  work_experience AS "workExperience", family_size AS "familySize", attributes,
  created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

/** Up to `first` (1..1000) customers ordered by customer_id, strictly after `after` (null = from the start). */
export async function customersAfter(
  db: Db,
  tenantId: string,
  after: string | null,
  first: number,
): Promise<CustomersAfterPage> {
  const limit = Math.min(Math.max(1, Math.trunc(first)), 1000);
  const from = after === null ? sql`` : sql` AND customer_id > ${after}`;
  const { rows } = await db.query<Customer>(
    sql`SELECT ${COLUMNS} FROM customers WHERE tenant_id = ${tenantId} AND deleted_at IS NULL${from}
        ORDER BY customer_id LIMIT ${limit + 1}`,
  );
  return { items: rows.slice(0, limit), hasNextPage: rows.length > limit };
}
