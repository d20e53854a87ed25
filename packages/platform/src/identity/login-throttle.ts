/**
 * In-process sliding-window throttle for failed logins, per account and per client address.
 * Memory is bounded (oldest keys evicted beyond `maxKeys`). One instance per process; with several
 * server instances each keeps its own window (a shared Redis store is a later step).
 */
import { AppError } from '../errors/app-error.js';

export interface LoginThrottleOptions {
  readonly windowMs?: number;
  readonly maxPerAccount?: number;
  readonly maxPerAddress?: number;
  readonly maxKeys?: number;
}

export interface LoginThrottle {
  /** @throws AppError LOGIN_THROTTLED (limit) with details.retryAfterSeconds when either window is full. */
  check(account: string, address: string, now: number): void;
  recordFailure(account: string, address: string, now: number): void;
  /** A successful login clears the account's window (not the address's). */
  recordSuccess(account: string): void;
}

export const DEFAULT_LOGIN_THROTTLE = {
  windowMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerAddress: 20,
  maxKeys: 100_000,
} as const;

/** Creates a throttle (defaults: 5 failures / 15 min per account, 20 / 15 min per address). */
export function createLoginThrottle(options: LoginThrottleOptions = {}): LoginThrottle {
  const o = { ...DEFAULT_LOGIN_THROTTLE, ...options };
  const hits = new Map<string, number[]>();

  const recent = (key: string, now: number): number[] => {
    const list = hits.get(key);
    if (list === undefined) return [];
    const kept = list.filter((t) => t > now - o.windowMs);
    if (kept.length === 0) hits.delete(key);
    else hits.set(key, kept);
    return kept;
  };
  const full = (key: string, max: number, now: number): number | null => {
    const list = recent(key, now);
    if (list.length < max) return null;
    // The window frees a slot when its oldest counted failure leaves it.
    return Math.max(1, Math.ceil((list[list.length - max] + o.windowMs - now) / 1000));
  };
  const add = (key: string, now: number): void => {
    const list = recent(key, now);
    list.push(now);
    hits.delete(key);
    hits.set(key, list);
    while (hits.size > o.maxKeys) hits.delete(hits.keys().next().value as string);
  };
  const accountKey = (a: string) => `account:${a.toLowerCase()}`;
  const addressKey = (a: string) => `address:${a}`;

  return {
    check(account, address, now) {
      const wait = Math.max(
        full(accountKey(account), o.maxPerAccount, now) ?? 0,
        full(addressKey(address), o.maxPerAddress, now) ?? 0,
      );
      if (wait > 0) {
        throw new AppError('LOGIN_THROTTLED', 'limit', `Too many failed logins; retry in ${wait} s.`, {
          details: { retryAfterSeconds: wait },
        });
      }
    },
    recordFailure(account, address, now) {
      add(accountKey(account), now);
      add(addressKey(address), now);
    },
    recordSuccess(account) {
      hits.delete(accountKey(account));
    },
  };
}
