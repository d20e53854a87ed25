/**
 * The original system's CSV layout (Customers.csv), as pure string formatting: the platform and
 * benchmarks write files with it; the engine itself does no I/O.
 */
import type { SyntheticCustomer } from './generate-customers.js';

/** Header of Customers.csv, column for column. */
export const CUSTOMER_CSV_HEADER =
  'CustomerID,Gender,Age,Annual Income ($),Profession,Work Experience,Family Size,Spending Score (1-100)';

/** One CSV line (no line ending) in the header's column order; blanks for nulls, RFC 4180 quoting. */
export function customerToCsvRow(c: SyntheticCustomer): string {
  return [
    c.customerId,
    c.gender,
    c.age,
    c.annualIncome,
    c.profession,
    c.workExperience,
    c.familySize,
    c.spendingScore,
  ]
    .map(csvField)
    .join(',');
}

/** Quotes a field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
