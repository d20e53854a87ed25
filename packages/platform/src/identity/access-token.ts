/**
 * Access tokens: HS256 JWTs (jose) with sub (user id), tid (tenant id), role, iat, exp, iss, aud
 * and jti. Verification pins the algorithm, issuer and audience and uses the injected clock.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';
import { AppError } from '../errors/app-error.js';
import { isRole, type Role } from './roles.js';

export interface AccessTokenKeys {
  readonly secret: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
}

export interface AccessClaims {
  readonly sub: string;
  readonly tid: string;
  readonly role: Role;
  readonly jti: string;
  readonly iat: number;
  readonly exp: number;
}

/** Signs an access token valid for `ttlSeconds` from `nowMs`. */
export async function signAccessToken(
  keys: AccessTokenKeys,
  subject: { userId: string; tenantId: string; role: Role },
  nowMs: number,
  ttlSeconds: number,
): Promise<string> {
  const iat = Math.floor(nowMs / 1000);
  return new SignJWT({ tid: subject.tenantId, role: subject.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject.userId)
    .setIssuer(keys.issuer)
    .setAudience(keys.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .setJti(randomUUID())
    .sign(keys.secret);
}

const invalid = (cause?: unknown) =>
  new AppError('TOKEN_INVALID', 'unauthorized', 'The access token is invalid.', { cause });

/**
 * Verifies signature, algorithm, issuer, audience and expiry.
 * @throws AppError TOKEN_EXPIRED or TOKEN_INVALID (unauthorized)
 */
export async function verifyAccessToken(
  keys: AccessTokenKeys,
  token: string,
  nowMs: number,
): Promise<AccessClaims> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keys.secret, {
      algorithms: ['HS256'],
      issuer: keys.issuer,
      audience: keys.audience,
      currentDate: new Date(nowMs),
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) {
      throw new AppError('TOKEN_EXPIRED', 'unauthorized', 'The access token has expired; refresh it.', {
        cause: e,
      });
    }
    throw invalid(e);
  }
  const { sub, tid, role, jti, iat, exp } = payload;
  if (typeof sub !== 'string' || typeof tid !== 'string' || !isRole(role) || typeof jti !== 'string')
    throw invalid();
  return { sub, tid, role, jti, iat: iat as number, exp: exp as number };
}
