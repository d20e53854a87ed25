/**
 * Customers of a tenant: batch upsert with inserted/updated/unchanged counts, count, list,
 * get, soft delete, and batch streaming / columnar loading for analytics. Every query filters by
 * tenant_id; soft-deleted rows (deleted_at) are invisible except where stated.
 */
import { AppError } from '../../errors/app-error.js';
import type { Db } from '../db.js';
import { sql, type SqlFragment } from '../sql.js';

/** One customer as imported (canonical fields; `attributes` holds extra CSV columns). */
export interface CustomerInput {
  readonly customerId: string;
  readonly gender: string | null;
  readonly age: number | null;
  readonly annualIncome: number | null;
  readonly spendingScore: number | null;
  readonly profession: string | null;
  readonly workExperience: number | null;
  readonly familySize: number | null;
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** A stored customer. `id` is the internal row id (FK target of segment assignments, predictions). */
export interface Customer extends CustomerInput {
  readonly id: number;
  readonly tenantId: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly deletedAt: Date | null;
}

export interface UpsertCustomersResult {
  readonly inserted: number;
  /** Existing rows whose values changed (including soft-deleted rows brought back). */
  readonly updated: number;
  /** Existing rows sent with identical values (not written). */
  readonly unchanged: number;
  /** Rows dropped because a later row in the same batch had the same customerId (last wins). */
  readonly duplicates: number;
}

const COLUMNS = sql`id, tenant_id AS "tenantId", customer_id AS "customerId", gender, age,
  annual_income AS "annualIncome", spending_score AS "spendingScore", profession,
  work_experience AS "workExperience", family_size AS "familySize", attributes,
  created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

/**
 * Inserts or updates a batch in ONE statement (unnest arrays). Unchanged rows are detected with
 * `WHERE (columns) IS DISTINCT FROM (excluded)` and are not written; `xmax = 0` tells inserts
 * from updates in RETURNING.
 */
export async function upsertCustomerBatch(
  db: Db,
  tenantId: string,
  rows: readonly CustomerInput[],
): Promise<UpsertCustomersResult> {
  const byId = new Map<string, CustomerInput>();
  for (const r of rows) byId.set(r.customerId, r);
  const batch = [...byId.values()];
  const duplicates = rows.length - batch.length;
  if (batch.length === 0) return { inserted: 0, updated: 0, unchanged: 0, duplicates };
  const col = <T>(f: (r: CustomerInput) => T) => batch.map(f);
  const { rows: written } = await db.query<{ inserted: boolean }>(sql`
    INSERT INTO customers AS c (tenant_id, customer_id, gender, age, annual_income, spending_score,
      profession, work_experience, family_size, attributes)
    SELECT ${tenantId}::uuid, u.customer_id, u.gender, u.age, u.annual_income, u.spending_score,
      u.profession, u.work_experience, u.family_size, u.attributes::jsonb
    FROM unnest(
      ${col((r) => r.customerId)}::text[], ${col((r) => r.gender)}::text[], ${col((r) => r.age)}::integer[],
      ${col((r) => r.annualIncome)}::float8[], ${col((r) => r.spendingScore)}::float8[],
      ${col((r) => r.profession)}::text[], ${col((r) => r.workExperience)}::integer[],
      ${col((r) => r.familySize)}::integer[], ${col((r) => JSON.stringify(r.attributes ?? {}))}::text[]
    ) AS u(customer_id, gender, age, annual_income, spending_score, profession, work_experience,
      family_size, attributes)
    ON CONFLICT (tenant_id, customer_id) DO UPDATE SET
      gender = EXCLUDED.gender, age = EXCLUDED.age, annual_income = EXCLUDED.annual_income,
      spending_score = EXCLUDED.spending_score, profession = EXCLUDED.profession,
      work_experience = EXCLUDED.work_experience, family_size = EXCLUDED.family_size,
      attributes = EXCLUDED.attributes, updated_at = now(), deleted_at = NULL
    WHERE (c.gender, c.age, c.annual_income, c.spending_score, c.profession, c.work_experience,
           c.family_size, c.attributes, c.deleted_at)
      IS DISTINCT FROM
          (EXCLUDED.gender, EXCLUDED.age, EXCLUDED.annual_income, EXCLUDED.spending_score,
           EXCLUDED.profession, EXCLUDED.work_experience, EXCLUDED.family_size, EXCLUDED.attributes,
           NULL::timestamptz)
    RETURNING (xmax = 0) AS inserted`);
  const inserted = written.filter((r) => r.inserted).length;
  const updated = written.length - inserted;
  return { inserted, updated, unchanged: batch.length - written.length, duplicates };
}

/** Number of live (not soft-deleted) customers of the tenant. */
export async function countCustomers(db: Db, tenantId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM customers WHERE tenant_id = ${tenantId} AND deleted_at IS NULL`,
  );
  return rows[0].n;
}

/** Sortable columns (whitelist: the only names that reach the SQL text). */
export const CUSTOMER_SORT_COLUMNS = {
  customerId: 'customer_id',
  age: 'age',
  annualIncome: 'annual_income',
  spendingScore: 'spending_score',
  workExperience: 'work_experience',
  familySize: 'family_size',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const;

export type CustomerSortColumn = keyof typeof CUSTOMER_SORT_COLUMNS;

export interface CustomerFilter {
  /** 1..1000, default 50. */
  readonly limit?: number;
  /** Default 0. */
  readonly offset?: number;
  /** Default customerId. Ties are broken by customerId. */
  readonly sort?: CustomerSortColumn;
  readonly order?: 'asc' | 'desc';
  readonly gender?: string;
  readonly profession?: string;
  readonly minAge?: number;
  readonly maxAge?: number;
  /** customer_id prefix. */
  readonly customerIdPrefix?: string;
  readonly includeDeleted?: boolean;
}

export interface CustomerPage {
  readonly items: Customer[];
  /** Matching rows ignoring limit/offset. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** A page of customers with filters and a whitelisted sort. @throws AppError INVALID_QUERY. */
export async function listCustomers(
  db: Db,
  tenantId: string,
  filter: CustomerFilter = {},
): Promise<CustomerPage> {
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  const sort = filter.sort ?? 'customerId';
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || !Number.isInteger(offset) || offset < 0) {
    throw new AppError('INVALID_QUERY', 'invalid_input', 'limit must be 1..1000 and offset ≥ 0', {
      details: { limit, offset },
    });
  }
  if (!Object.hasOwn(CUSTOMER_SORT_COLUMNS, sort)) {
    throw new AppError('INVALID_QUERY', 'invalid_input', `cannot sort by "${sort}"`, {
      details: { sort, allowed: Object.keys(CUSTOMER_SORT_COLUMNS) },
    });
  }
  const conditions: SqlFragment[] = [sql`tenant_id = ${tenantId}`];
  if (!filter.includeDeleted) conditions.push(sql`deleted_at IS NULL`);
  if (filter.gender !== undefined) conditions.push(sql`gender = ${filter.gender}`);
  if (filter.profession !== undefined) conditions.push(sql`profession = ${filter.profession}`);
  if (filter.minAge !== undefined) conditions.push(sql`age >= ${filter.minAge}`);
  if (filter.maxAge !== undefined) conditions.push(sql`age <= ${filter.maxAge}`);
  if (filter.customerIdPrefix !== undefined) {
    conditions.push(sql`starts_with(customer_id, ${filter.customerIdPrefix})`);
  }
  const where = sql.join(conditions, ' AND ');
  const direction = filter.order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  const orderBy =
    sort === 'customerId'
      ? sql`customer_id ${direction}`
      : sql`${sql.ident(CUSTOMER_SORT_COLUMNS[sort])} ${direction}, customer_id ASC`;
  const [{ rows: items }, { rows: total }] = [
    await db.query<Customer>(
      sql`SELECT ${COLUMNS} FROM customers WHERE ${where} ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}`,
    ),
    await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM customers WHERE ${where}`),
  ];
  return { items, total: total[0].n, limit, offset };
}

/** One live customer by its customer_id, or null. */
export async function getCustomer(
  db: Db,
  tenantId: string,
  customerId: string,
  options: { includeDeleted?: boolean } = {},
): Promise<Customer | null> {
  const live = options.includeDeleted ? sql`` : sql` AND deleted_at IS NULL`;
  const { rows } = await db.query<Customer>(
    sql`SELECT ${COLUMNS} FROM customers WHERE tenant_id = ${tenantId} AND customer_id = ${customerId}${live}`,
  );
  return rows[0] ?? null;
}

/** Soft-deletes a customer; true when a live customer was deleted, false when none was. */
export async function softDeleteCustomer(db: Db, tenantId: string, customerId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    sql`UPDATE customers SET deleted_at = now(), updated_at = now()
        WHERE tenant_id = ${tenantId} AND customer_id = ${customerId} AND deleted_at IS NULL`,
  );
  return rowCount > 0;
}

/**
 * All live customers of a tenant ordered by customer_id, in batches (keyset pagination, so
 * memory stays bounded and each batch is one indexed range scan).
 */
export async function* streamCustomers(
  db: Db,
  tenantId: string,
  options: { batchSize?: number } = {},
): AsyncGenerator<Customer[]> {
  const batchSize = options.batchSize ?? 10_000;
  let after: string | null = null;
  for (;;) {
    const from: SqlFragment = after === null ? sql`` : sql` AND customer_id > ${after}`;
    const { rows } = await db.query<Customer>(
      sql`SELECT ${COLUMNS} FROM customers WHERE tenant_id = ${tenantId} AND deleted_at IS NULL${from}
          ORDER BY customer_id LIMIT ${batchSize}`,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].customerId;
  }
}

/**
 * Column-oriented snapshot of all live customers (ordered by customer_id) for the analytics
 * engine: numeric fields as Float64Array with NaN for missing values.
 */
export interface CustomerTable {
  readonly length: number;
  /** Internal row ids (for segment assignments / predictions). */
  readonly ids: readonly number[];
  readonly customerIds: readonly string[];
  readonly gender: readonly (string | null)[];
  readonly profession: readonly (string | null)[];
  readonly age: Float64Array;
  readonly annualIncome: Float64Array;
  readonly spendingScore: Float64Array;
  readonly workExperience: Float64Array;
  readonly familySize: Float64Array;
}

/** Loads every live customer of the tenant into a CustomerTable (via streamCustomers). */
export async function loadCustomerTable(
  db: Db,
  tenantId: string,
  options: { batchSize?: number } = {},
): Promise<CustomerTable> {
  const all: Customer[] = [];
  for await (const batch of streamCustomers(db, tenantId, options)) all.push(...batch);
  const num = (f: (c: Customer) => number | null) => Float64Array.from(all, (c) => f(c) ?? Number.NaN);
  return {
    length: all.length,
    ids: all.map((c) => c.id),
    customerIds: all.map((c) => c.customerId),
    gender: all.map((c) => c.gender),
    profession: all.map((c) => c.profession),
    age: num((c) => c.age),
    annualIncome: num((c) => c.annualIncome),
    spendingScore: num((c) => c.spendingScore),
    workExperience: num((c) => c.workExperience),
    familySize: num((c) => c.familySize),
  };
}
