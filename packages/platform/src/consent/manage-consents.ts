/**
 * Consent use cases (original endpoints 12 and 13, now authenticated and tenant-scoped).
 * Consent is recorded only for a customer the tenant already has: registering consent for an
 * unknown id is CUSTOMER_NOT_FOUND (import first), so ids cannot be probed across tenants and typos
 * do not create orphan records. Reading also works for a soft-deleted customer — the consent
 * history is a record that outlives the customer row.
 */
import { getCustomer, type Db } from '../db/index.js';
import { AppError } from '../errors/app-error.js';
import { requireRole, type Principal } from '../identity/index.js';
import { insertConsent, listConsents, type ConsentRecord } from './consent-repository.js';

/** Lower-case identifier: data_share, marketing, analytics by convention; others allowed. */
export const CONSENT_TYPE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export interface ConsentInput {
  customerId: string;
  consentType: string;
  granted: boolean;
}

const notFound = (customerId: string) =>
  new AppError('CUSTOMER_NOT_FOUND', 'not_found', `Customer not found: ${customerId}`, {
    details: { customerId },
  });

function checkType(consentType: string): void {
  if (!CONSENT_TYPE_PATTERN.test(consentType)) {
    throw new AppError(
      'CONSENT_TYPE_INVALID',
      'invalid_input',
      'consent_type must be a lower-case identifier (letters, digits, _), e.g. marketing',
      { details: { consentType } },
    );
  }
}

/**
 * Appends a consent decision (analyst).
 * @throws AppError ROLE_REQUIRED, CONSENT_TYPE_INVALID, CUSTOMER_NOT_FOUND
 */
export async function registerConsent(
  db: Db,
  principal: Principal,
  input: ConsentInput,
): Promise<ConsentRecord> {
  requireRole(principal, 'analyst');
  checkType(input.consentType);
  if (!(await getCustomer(db, principal.tenantId, input.customerId))) throw notFound(input.customerId);
  return insertConsent(db, principal.tenantId, input);
}

/**
 * A customer's consent history, newest first (viewer).
 * @throws AppError ROLE_REQUIRED, CONSENT_TYPE_INVALID, CUSTOMER_NOT_FOUND
 */
export async function getConsents(
  db: Db,
  principal: Principal,
  customerId: string,
  consentType?: string,
): Promise<ConsentRecord[]> {
  requireRole(principal, 'viewer');
  if (consentType !== undefined) checkType(consentType);
  const customer = await getCustomer(db, principal.tenantId, customerId, { includeDeleted: true });
  if (!customer) throw notFound(customerId);
  return listConsents(db, principal.tenantId, customerId, consentType === undefined ? {} : { consentType });
}
