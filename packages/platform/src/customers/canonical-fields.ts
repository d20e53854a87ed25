/** The customer fields CohortLens knows by name; every other column is kept as an attribute. */
export const CANONICAL_FIELDS = [
  'customer_id',
  'gender',
  'age',
  'annual_income',
  'spending_score',
  'profession',
  'work_experience',
  'family_size',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

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
