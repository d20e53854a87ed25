/**
 * Use cases on single customers: create (plan limit checked under the tenant row lock, like the
 * importer), update, and erasure. Erasure deletes the customer row for real together with its
 * predictions (the FK is ON DELETE SET NULL and rows also carry the external id, so they are
 * deleted explicitly by both) and its segment assignments (FK ON DELETE CASCADE): a soft delete
 * alone would keep the personal data.
 */
import type { Config } from '../config/index.js';
import {
  countCustomers,
  getCustomer,
  upsertCustomerBatch,
  type Customer,
  type CustomerInput,
  type Db,
} from '../db/index.js';
import { sql } from '../db/sql.js';
import { AppError } from '../errors/app-error.js';
import { tenantPlan } from './import-staging.js';

export type CustomerFields = Omit<CustomerInput, 'customerId' | 'attributes'>;

const notFound = (customerId: string) =>
  new AppError('CUSTOMER_NOT_FOUND', 'not_found', `Customer not found: ${customerId}`, {
    details: { customerId },
  });

/**
 * Creates a customer. @throws AppError CUSTOMER_EXISTS (409), PLAN_CUSTOMER_LIMIT (429: the
 * tenant's plan, `plans.<plan>.customers` in the configuration, is reached).
 */
export async function createCustomer(
  deps: { db: Db; config: { readonly plans: Config['plans'] } },
  tenantId: string,
  input: CustomerInput,
): Promise<Customer> {
  return deps.db.transaction(async (tx) => {
    const plan = await tenantPlan(tx, tenantId);
    if ((await getCustomer(tx, tenantId, input.customerId)) !== null) {
      throw new AppError('CUSTOMER_EXISTS', 'conflict', `Customer ${input.customerId} already exists`, {
        details: { customerId: input.customerId },
      });
    }
    const limit = deps.config.plans[plan].customers;
    if (limit !== null) {
      const current = await countCustomers(tx, tenantId);
      if (current + 1 > limit) {
        throw new AppError(
          'PLAN_CUSTOMER_LIMIT',
          'limit',
          `The ${plan} plan allows ${limit} customers; the tenant has ${current}`,
          { details: { limit, current, incoming: 1 } },
        );
      }
    }
    await upsertCustomerBatch(tx, tenantId, [input]);
    return (await getCustomer(tx, tenantId, input.customerId)) as Customer;
  });
}

/** Changes the given fields of a live customer. @throws AppError CUSTOMER_NOT_FOUND */
export async function updateCustomer(
  db: Db,
  tenantId: string,
  customerId: string,
  patch: Partial<CustomerFields> & { attributes?: Readonly<Record<string, unknown>> },
): Promise<Customer> {
  return db.transaction(async (tx) => {
    const current = await getCustomer(tx, tenantId, customerId);
    if (current === null) throw notFound(customerId);
    const next: CustomerInput = {
      customerId,
      gender: patch.gender !== undefined ? patch.gender : current.gender,
      age: patch.age !== undefined ? patch.age : current.age,
      annualIncome: patch.annualIncome !== undefined ? patch.annualIncome : current.annualIncome,
      spendingScore: patch.spendingScore !== undefined ? patch.spendingScore : current.spendingScore,
      profession: patch.profession !== undefined ? patch.profession : current.profession,
      workExperience: patch.workExperience !== undefined ? patch.workExperience : current.workExperience,
      familySize: patch.familySize !== undefined ? patch.familySize : current.familySize,
      attributes: patch.attributes ?? current.attributes,
    };
    await upsertCustomerBatch(tx, tenantId, [next]);
    return (await getCustomer(tx, tenantId, customerId)) as Customer;
  });
}

export interface EraseCustomerResult {
  readonly customerId: string;
  readonly predictionsDeleted: number;
  readonly assignmentsDeleted: number;
}

/**
 * Erases a customer (live or soft-deleted) with its predictions and segment assignments, in one
 * transaction. @throws AppError CUSTOMER_NOT_FOUND
 */
export async function eraseCustomer(
  db: Db,
  tenantId: string,
  customerId: string,
): Promise<EraseCustomerResult> {
  return db.transaction(async (tx) => {
    const found = await getCustomer(tx, tenantId, customerId, { includeDeleted: true });
    if (found === null) throw notFound(customerId);
    const predictions = await tx.query(
      sql`DELETE FROM predictions WHERE tenant_id = ${tenantId}
          AND (customer_pk = ${found.id} OR customer_id = ${customerId})`,
    );
    const assignments = await tx.query(
      sql`DELETE FROM segment_assignments WHERE tenant_id = ${tenantId} AND customer_pk = ${found.id}`,
    );
    await tx.query(sql`DELETE FROM customers WHERE tenant_id = ${tenantId} AND id = ${found.id}`);
    return { customerId, predictionsDeleted: predictions.rowCount, assignmentsDeleted: assignments.rowCount };
  });
}
