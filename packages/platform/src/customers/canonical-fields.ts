import { CUSTOMER_FIELDS, type CustomerField } from '../config/index.js';

/** The customer fields CohortLens knows by name (the config area's list); other columns become attributes. */
export const CANONICAL_FIELDS = CUSTOMER_FIELDS;

export type CanonicalField = CustomerField;

export const isCanonicalField = (name: string): name is CanonicalField =>
  (CANONICAL_FIELDS as readonly string[]).includes(name);

/** A cleaned, validated customer ready to be stored (null = the file has no such column or the cell is empty). */
export interface ImportedCustomer {
  customerId: string;
  gender: string | null;
  age: number | null;
  annualIncome: number | null;
  spendingScore: number | null;
  profession: string | null;
  workExperience: number | null;
  familySize: number | null;
  /** Extra columns, by their header, as trimmed strings (blank cells left out). */
  attributes: Record<string, string>;
}
