/**
 * Role checks shared by the use cases (the HTTP and GraphQL layers check the route's role first;
 * these guard what the route role cannot express, like "grant at most your own role").
 */
import { AppError } from '../errors/app-error.js';
import type { Principal } from './identity-types.js';
import { roleAtLeast, type Role } from './roles.js';

/** @throws AppError ROLE_REQUIRED (forbidden) */
export function requireRole(principal: Principal, required: Role): void {
  if (!roleAtLeast(principal.role, required)) {
    throw new AppError('ROLE_REQUIRED', 'forbidden', `This action needs the ${required} role.`, {
      details: { required, actual: principal.role },
    });
  }
}

/** @throws AppError ROLE_TOO_HIGH (forbidden) when `role` exceeds the caller's own role. */
export function requireGrantable(principal: Principal, role: Role): void {
  if (!roleAtLeast(principal.role, role)) {
    throw new AppError(
      'ROLE_TOO_HIGH',
      'forbidden',
      `You cannot grant the ${role} role (yours is ${principal.role}).`,
      {
        details: { role, actual: principal.role },
      },
    );
  }
}
