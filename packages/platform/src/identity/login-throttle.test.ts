import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';

const MIN = 60_000;

describe('createLoginThrottle', () => {
  it('blocks an account after 5 failures in 15 minutes and frees it as the window slides', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 5; i += 1) {
      t.check('a@x.io', `10.0.0.${i}`, i * MIN);
      t.recordFailure('a@x.io', `10.0.0.${i}`, i * MIN);
    }
    expect(() => t.check('A@X.IO', '10.9.9.9', 5 * MIN)).toThrow(
      expect.objectContaining({ code: 'LOGIN_THROTTLED' }),
    );
    try {
      t.check('a@x.io', '10.9.9.9', 5 * MIN);
    } catch (e) {
      // The first failure (t=0) leaves the window at t=15 min: 10 minutes from now.
      expect((e as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds).toBe(600);
    }
    expect(() => t.check('a@x.io', '10.9.9.9', 15 * MIN + 1)).not.toThrow();
  });

  it('blocks an address after 20 failures across accounts; success clears only the account', () => {
    const t = createLoginThrottle();
    for (let i = 0; i < 20; i += 1) t.recordFailure(`u${i}@x.io`, '1.2.3.4', 0);
    expect(() => t.check('new@x.io', '1.2.3.4', 1000)).toThrow(
      expect.objectContaining({ code: 'LOGIN_THROTTLED' }),
    );
    expect(() => t.check('new@x.io', '5.6.7.8', 1000)).not.toThrow();
    for (let i = 0; i < 5; i += 1) t.recordFailure('b@x.io', '9.9.9.9', 0);
    t.recordSuccess('b@x.io');
    expect(() => t.check('b@x.io', '8.8.8.8', 1)).not.toThrow();
  });

  it('keeps memory bounded', () => {
    const t = createLoginThrottle({ maxKeys: 10 });
    for (let i = 0; i < 100; i += 1) t.recordFailure(`u${i}@x.io`, `a${i}`, 0);
    // Evicted early keys are no longer counted: the first account is free again.
    for (let i = 0; i < 4; i += 1) t.recordFailure('u0@x.io', 'z', 0);
    expect(() => t.check('u0@x.io', 'y', 1)).not.toThrow();
  });
});
