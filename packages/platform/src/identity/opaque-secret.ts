/**
 * High-entropy opaque secrets (refresh tokens, API keys) and their storage hash. SHA-256 is
 * enough here: the secret has 256 random bits, so there is nothing to brute-force and a slow hash
 * (argon2) would only add ~50 ms to every API-key request. Passwords, which are guessable, use argon2id.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `bytes` random bytes as base64url (no padding). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Hex SHA-256 of a secret (what the database stores). */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Random password shown once (invitations, demo owner): 24 base64url characters, 144 bits. */
export const generatePassword = (): string => randomSecret(18);
