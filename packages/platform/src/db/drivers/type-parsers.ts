/**
 * Both drivers return the same JS types: INT8 (counts, bigint ids) and NUMERIC as numbers
 * (PGlite and node-postgres return them as strings/bigints by default); timestamptz as Date;
 * json/jsonb parsed. Money is not stored, so number precision is sufficient.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;

export const toNumber = (text: string): number => Number(text);
