/**
 * Password policy and hashing: argon2id with @node-rs/argon2's defaults (19 MiB, t=2, p=1, the
 * OWASP baseline), minimum length 12.
 */
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors/app-error.js';

export const MIN_PASSWORD_LENGTH = 12;
/** Upper bound so a huge body cannot make hashing expensive. */
export const MAX_PASSWORD_LENGTH = 1024;

/** @throws AppError PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG (invalid_input) */
export function assertPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError(
      'PASSWORD_TOO_SHORT',
      'invalid_input',
      `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
      {
        details: { minLength: MIN_PASSWORD_LENGTH },
      },
    );
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new AppError(
      'PASSWORD_TOO_LONG',
      'invalid_input',
      `The password must have at most ${MAX_PASSWORD_LENGTH} characters.`,
      {
        details: { maxLength: MAX_PASSWORD_LENGTH },
      },
    );
  }
}

/** argon2id PHC string of a password that passed the policy. */
export async function hashPassword(password: string): Promise<string> {
  assertPasswordPolicy(password);
  return hash(password);
}

/** Constant-time verification; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A fixed hash verified when the account does not exist, so an unknown email costs as much time
 * as a wrong password (no account enumeration by timing).
 */
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hash('not-a-real-password-0000'));
