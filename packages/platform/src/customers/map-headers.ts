/**
 * Header mapping: which file column feeds which canonical field.
 *
 * Headers are compared "squashed" (lower case, letters and digits only), so `Annual Income ($)`,
 * `annual_income` and `annualIncome` all match. Aliases cover the original Customers.csv, snake_case
 * names and spellings common in public customer datasets (Mall_Customers' `Genre` and
 * `Annual Income (k$)`). An explicit map (`--map 'Header=field'`) wins over every alias.
 */
import { AppError } from '../errors/app-error.js';
import { CANONICAL_FIELDS, isCanonicalField, type CanonicalField } from './canonical-fields.js';

/** Where a canonical field comes from: the column index and a multiplier (1000 for "(k$)" income). */
export interface FieldSource {
  index: number;
  header: string;
  scale: number;
}

/** The result of mapping a header line. */
export interface HeaderMapping {
  headers: string[];
  fields: Partial<Record<CanonicalField, FieldSource>>;
  /** Columns kept as attributes: index → attribute name (the header, de-duplicated). */
  attributes: { index: number; name: string }[];
}

/** Target of an explicit mapping: a canonical field, `annual_income_k` (thousands), or `attribute`. */
export type ColumnTarget = CanonicalField | 'annual_income_k' | 'attribute';

/** Known spellings, squashed, for each field; `scale` is applied to the parsed number. */
const ALIASES: { field: CanonicalField; scale: number; names: string[] }[] = [
  {
    field: 'customer_id',
    scale: 1,
    names: ['customerid', 'customer', 'custid', 'clientid', 'id', 'customerno', 'customernumber', 'userid'],
  },
  { field: 'gender', scale: 1, names: ['gender', 'genre', 'sex'] },
  { field: 'age', scale: 1, names: ['age', 'ageyears', 'customerage'] },
  {
    field: 'annual_income',
    scale: 1,
    names: ['annualincome', 'income', 'annualincomeusd', 'yearlyincome', 'annualincomedollars', 'salary'],
  },
  {
    field: 'annual_income',
    scale: 1000,
    names: [
      'annualincomek',
      'incomek',
      'annualincomethousands',
      'annualincomekusd',
      'annualincomeinthousands',
    ],
  },
  {
    field: 'spending_score',
    scale: 1,
    names: ['spendingscore', 'spendingscore1100', 'spendingscore0100', 'score', 'spendscore'],
  },
  { field: 'profession', scale: 1, names: ['profession', 'occupation', 'job', 'jobtitle'] },
  {
    field: 'work_experience',
    scale: 1,
    names: ['workexperience', 'experience', 'yearsofexperience', 'workexperienceyears', 'yearsexperience'],
  },
  { field: 'family_size', scale: 1, names: ['familysize', 'householdsize', 'family', 'familymembers'] },
];

const ALIAS_INDEX = new Map<string, { field: CanonicalField; scale: number }>(
  ALIASES.flatMap((a) => a.names.map((n) => [n, { field: a.field, scale: a.scale }] as const)),
);

/** Lower case, letters and digits only: the form headers are compared in. */
export const squashHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Parses `--map` entries (`'Source Header=field'`) into a map from header to target.
 * @throws AppError IMPORT_MAPPING_INVALID for a malformed entry or an unknown field.
 */
export function parseColumnMap(entries: readonly string[]): Record<string, ColumnTarget> {
  const map: Record<string, ColumnTarget> = {};
  for (const entry of entries) {
    const eq = entry.lastIndexOf('=');
    const header = eq > 0 ? entry.slice(0, eq).trim() : '';
    const target = eq > 0 ? entry.slice(eq + 1).trim() : '';
    if (header === '' || !isColumnTarget(target)) {
      throw new AppError('IMPORT_MAPPING_INVALID', 'invalid_input', `Invalid column mapping "${entry}"`, {
        details: {
          entry,
          hint: `Write 'Source Header=field' where field is one of ${[...CANONICAL_FIELDS, 'annual_income_k', 'attribute'].join(', ')}`,
        },
      });
    }
    map[header] = target;
  }
  return map;
}

const isColumnTarget = (t: string): t is ColumnTarget =>
  isCanonicalField(t) || t === 'annual_income_k' || t === 'attribute';

/**
 * Maps a header line to canonical fields. Explicit entries match a header exactly (after trimming)
 * or, failing that, squashed. When two columns claim one field the first wins and the second is
 * kept as an attribute, unless an explicit entry decided.
 * @throws AppError IMPORT_HEADER_MISSING when no column maps to customer_id;
 *   IMPORT_MAPPING_INVALID when an explicit entry names a header that is not in the file.
 */
export function mapHeaders(
  rawHeaders: readonly string[],
  explicit: Record<string, ColumnTarget> = {},
): HeaderMapping {
  const headers = rawHeaders.map((h) => h.replace(/^\uFEFF/, '').trim());
  const fields: Partial<Record<CanonicalField, FieldSource>> = {};
  const claimed = new Set<number>();

  for (const [source, target] of Object.entries(explicit)) {
    let index = headers.indexOf(source.trim());
    if (index < 0) index = headers.findIndex((h) => squashHeader(h) === squashHeader(source));
    if (index < 0) {
      throw new AppError(
        'IMPORT_MAPPING_INVALID',
        'invalid_input',
        `Mapped column "${source}" is not in the file`,
        {
          details: { column: source, headersSeen: headers },
        },
      );
    }
    claimed.add(index);
    if (target === 'attribute') continue;
    const field: CanonicalField = target === 'annual_income_k' ? 'annual_income' : target;
    fields[field] = { index, header: headers[index], scale: target === 'annual_income_k' ? 1000 : 1 };
  }

  headers.forEach((header, index) => {
    if (claimed.has(index)) return;
    const alias = ALIAS_INDEX.get(squashHeader(header));
    if (alias && fields[alias.field] === undefined) {
      fields[alias.field] = { index, header, scale: alias.scale };
      claimed.add(index);
    }
  });

  if (fields.customer_id === undefined) {
    const single = headers.length === 1 && /[,;\t|]/.test(headers[0]);
    throw new AppError(
      'IMPORT_HEADER_MISSING',
      'invalid_input',
      'No customer id column found in the header line',
      {
        details: {
          headersSeen: headers.slice(0, 50),
          hint: single
            ? 'The header was read as one column: the file may use a delimiter other than comma, semicolon or tab.'
            : `Name the id column CustomerID or customer_id, or map it: --map '<Header>=customer_id'.`,
        },
      },
    );
  }

  const attributes: { index: number; name: string }[] = [];
  const used = new Set<string>();
  headers.forEach((header, index) => {
    if (Object.values(fields).some((f) => f.index === index)) return;
    let name = header === '' ? `column_${index + 1}` : header;
    for (let n = 2; used.has(name); n++) name = `${header}_${n}`;
    used.add(name);
    attributes.push({ index, name });
  });

  return { headers, fields, attributes };
}
