import { describe, expect, it } from 'vitest';
import { CUSTOMER_FIELDS, DISPLAY_NAMES, normalizeFeatureName } from './feature-names.js';

describe('normalizeFeatureName', () => {
  it('maps every original CSV header to its canonical field', () => {
    for (const field of CUSTOMER_FIELDS) expect(normalizeFeatureName(DISPLAY_NAMES[field])).toBe(field);
  });

  it('is the identity on canonical names and ignores case and spacing', () => {
    for (const field of CUSTOMER_FIELDS) expect(normalizeFeatureName(field)).toBe(field);
    expect(normalizeFeatureName('  ANNUAL income ')).toBe('annual_income');
    expect(normalizeFeatureName('spendingScore')).toBe('spending_score');
  });

  it('rejects unknown names', () => {
    expect(normalizeFeatureName('Height')).toBeUndefined();
    expect(normalizeFeatureName('')).toBeUndefined();
  });
});
