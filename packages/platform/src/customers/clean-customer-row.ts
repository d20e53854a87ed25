/**
 * Cleaning then validation of one CSV record (the original validated before cleaning and so
 * rejected real rows). Rules are documented in docs/importing.md; keep the two in step.
 * Cost: O(columns) per row.
 */
import type { CanonicalField, ImportedCustomer } from './canonical-fields.js';
import type { HeaderMapping } from './map-headers.js';

/** Why a row was rejected; stable strings, listed in docs/importing.md. */
export type RejectReason =
  | 'blank_customer_id'
  | 'customer_id_too_long'
  | 'duplicate_in_file'
  | 'not_a_number'
  | 'not_an_integer'
  | 'out_of_range'
  | 'wrong_field_count';

/** One rejected cell: `row` is the 1-based data row (the header line is not counted). */
export interface ImportReject {
  row: number;
  column: string;
  value: string;
  reason: RejectReason;
}

export type CleanRowResult =
  { ok: true; customer: ImportedCustomer } | { ok: false; rejects: ImportReject[] };

/** Cells that mean "no value", compared case-insensitively after trimming. */
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '-', '?', '#n/a']);
const UNKNOWN = 'Unknown';
const MAX_ID_LENGTH = 200;

interface NumericRule {
  integer: boolean;
  min: number;
  max: number;
}

/** Plausible ranges: ages 0–17 and incomes of 0 are real customers (children, no income). */
export const NUMERIC_RULES: Record<
  'age' | 'annual_income' | 'spending_score' | 'work_experience' | 'family_size',
  NumericRule
> = {
  age: { integer: true, min: 0, max: 120 },
  annual_income: { integer: false, min: 0, max: 1e12 },
  spending_score: { integer: false, min: 0, max: 100 },
  work_experience: { integer: true, min: 0, max: 100 },
  family_size: { integer: true, min: 1, max: 30 },
};

const GENDERS: Record<string, string> = {
  m: 'Male',
  male: 'Male',
  man: 'Male',
  f: 'Female',
  female: 'Female',
  woman: 'Female',
};

const isMissing = (cell: string): boolean => MISSING.has(cell.toLowerCase());

/** Collapses inner runs of whitespace (including embedded line breaks) to one space. */
const tidy = (cell: string): string => cell.trim().replace(/\s+/g, ' ');

/** Male / Female / Other; blank → Unknown. Case-insensitive; unrecognised values count as Other. */
export function normaliseGender(cell: string): string {
  const t = tidy(cell);
  if (isMissing(t)) return UNKNOWN;
  return GENDERS[t.toLowerCase()] ?? 'Other';
}

/**
 * Parses a number: optional currency sign, thousands separators only as `1,234,567`, a decimal
 * point, optional exponent. Returns NaN when the text is not such a number.
 */
export function parseNumber(cell: string): number {
  let t = cell.trim().replace(/^[$€£]\s*/, '');
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

/**
 * Cleans and validates one record. `rowNumber` is the 1-based data row, used in rejects.
 * Every failing cell of the row is reported, not only the first.
 */
export function cleanCustomerRow(
  fields: readonly string[],
  mapping: HeaderMapping,
  rowNumber: number,
): CleanRowResult {
  const rejects: ImportReject[] = [];
  if (fields.length !== mapping.headers.length) {
    return {
      ok: false,
      rejects: [
        {
          row: rowNumber,
          column: '*',
          value: `${fields.length} fields`,
          reason: 'wrong_field_count',
        },
      ],
    };
  }
  const cell = (f: CanonicalField): string | undefined => {
    const src = mapping.fields[f];
    return src === undefined ? undefined : fields[src.index];
  };
  const reject = (f: CanonicalField, value: string, reason: RejectReason): void => {
    rejects.push({ row: rowNumber, column: mapping.fields[f]!.header, value, reason });
  };

  const rawId = cell('customer_id') ?? '';
  const customerId = tidy(rawId);
  if (isMissing(customerId)) reject('customer_id', rawId, 'blank_customer_id');
  else if (customerId.length > MAX_ID_LENGTH)
    reject('customer_id', rawId.slice(0, 50), 'customer_id_too_long');

  const numeric = (f: keyof typeof NUMERIC_RULES): number | null => {
    const raw = cell(f);
    if (raw === undefined || isMissing(raw.trim())) return null;
    const rule = NUMERIC_RULES[f];
    let n = parseNumber(raw);
    if (!Number.isFinite(n)) {
      reject(f, raw, 'not_a_number');
      return null;
    }
    n *= mapping.fields[f]!.scale;
    if (rule.integer && !Number.isInteger(n)) {
      reject(f, raw, 'not_an_integer');
      return null;
    }
    if (n < rule.min || n > rule.max) {
      reject(f, raw, 'out_of_range');
      return null;
    }
    // -0 and 1e3-style spellings normalise to one stored value, so a re-import compares equal.
    return n === 0 ? 0 : n;
  };
  const categorical = (f: 'profession'): string | null => {
    const raw = cell(f);
    if (raw === undefined) return null;
    const t = tidy(raw);
    return isMissing(t) ? UNKNOWN : t;
  };

  const genderCell = cell('gender');
  const customer: ImportedCustomer = {
    customerId,
    gender: genderCell === undefined ? null : normaliseGender(genderCell),
    age: numeric('age'),
    annualIncome: numeric('annual_income'),
    spendingScore: numeric('spending_score'),
    profession: categorical('profession'),
    workExperience: numeric('work_experience'),
    familySize: numeric('family_size'),
    attributes: {},
  };
  if (rejects.length > 0) return { ok: false, rejects };
  for (const { index, name } of mapping.attributes) {
    const v = fields[index].trim();
    if (v !== '') customer.attributes[name] = v;
  }
  return { ok: true, customer };
}
