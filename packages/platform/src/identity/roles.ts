/**
 * The four tenant roles, weakest first. A role includes every permission of the roles before it:
 * viewer (read) < analyst (import, train, segment, predict, report) < admin (users, keys,
 * settings) < owner (billing, everything).
 */
export const ROLES = ['viewer', 'analyst', 'admin', 'owner'] as const;
export type Role = (typeof ROLES)[number];

/** Position of a role in ROLES (higher = more permissions). */
export const roleRank = (role: Role): number => ROLES.indexOf(role);

/** True when `actual` has at least the permissions of `required`. */
export const roleAtLeast = (actual: Role, required: Role): boolean => roleRank(actual) >= roleRank(required);

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
