const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical uuid string (lookups by a malformed id answer "not found", not an error). */
export const isUuid = (s: string): boolean => UUID.test(s);
