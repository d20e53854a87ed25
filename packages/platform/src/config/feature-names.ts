/**
 * Canonical customer field names (snake_case, as stored in the database) and the normaliser that
 * maps the original dataset's display headers ("Annual Income ($)") onto them.
 */
export const CUSTOMER_FIELDS = [
  'customer_id',
  'gender',
  'age',
  'annual_income',
  'spending_score',
  'profession',
  'work_experience',
  'family_size',
] as const;

export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Fields that hold numbers (usable as numerical features or as the prediction target). */
export const NUMERIC_CUSTOMER_FIELDS: readonly CustomerField[] = [
  'age',
  'annual_income',
  'spending_score',
  'work_experience',
  'family_size',
];

/** Fields that hold categories (usable as categorical features). */
export const CATEGORICAL_CUSTOMER_FIELDS: readonly CustomerField[] = ['gender', 'profession'];

/** The original CSV header of each field, in the original column order of Customers.csv. */
export const DISPLAY_NAMES: Readonly<Record<CustomerField, string>> = {
  customer_id: 'CustomerID',
  gender: 'Gender',
  age: 'Age',
  annual_income: 'Annual Income ($)',
  spending_score: 'Spending Score (1-100)',
  profession: 'Profession',
  work_experience: 'Work Experience',
  family_size: 'Family Size',
};

// "Annual Income ($)" → "annual_income"; "Spending Score (1-100)" → "spending_score";
// "CustomerID" → "customerid" (aliased below). Parenthesised units are dropped.
const slug = (name: string): string =>
  name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const ALIASES: Readonly<Record<string, CustomerField>> = {
  customerid: 'customer_id',
  id: 'customer_id',
  income: 'annual_income',
  annualincome: 'annual_income',
  spendingscore: 'spending_score',
  workexperience: 'work_experience',
  familysize: 'family_size',
};

/**
 * Maps a canonical or display field name to its canonical snake_case name, or `undefined` when the
 * name is not a customer field. Case, spacing and parenthesised units are ignored.
 */
export function normalizeFeatureName(name: string): CustomerField | undefined {
  const s = slug(name);
  if ((CUSTOMER_FIELDS as readonly string[]).includes(s)) return s as CustomerField;
  return ALIASES[s] ?? ALIASES[s.replace(/_/g, '')];
}
