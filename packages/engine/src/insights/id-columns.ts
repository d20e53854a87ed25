/** True when the column is an identifier: listed by the caller, or named customer_id / CustomerID. */
export function isIdColumnName(name: string, idColumns: readonly string[] = []): boolean {
  return idColumns.includes(name) || name.toLowerCase().replace(/[^a-z0-9]/g, '') === 'customerid';
}
