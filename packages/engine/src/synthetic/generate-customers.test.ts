import { describe, expect, it } from 'vitest';
import { generateCustomers, PLANTED_SEGMENTS } from './generate-customers.js';
import { CUSTOMER_CSV_HEADER, customerToCsvRow, csvField } from './customer-csv.js';

const take = (rows: number, seed = 42) => [...generateCustomers({ rows, seed })];

describe('generateCustomers', () => {
  it('is deterministic per seed and differs across seeds', () => {
    expect(take(500, 7)).toEqual(take(500, 7));
    expect(take(500, 8)).not.toEqual(take(500, 7));
  });

  it('yields exactly the requested number of rows, with a few exact duplicates', () => {
    const rows = take(20_000);
    expect(rows).toHaveLength(20_000);
    const ids = new Set(rows.map((r) => r.customerId));
    const duplicates = rows.length - ids.size;
    expect(duplicates).toBeGreaterThan(20);
    expect(duplicates).toBeLessThan(150);
  });

  it('plants every segment with roughly its weight and separated spending levels', () => {
    const rows = take(20_000);
    PLANTED_SEGMENTS.forEach((segment, id) => {
      const members = rows.filter((r) => r.segment === id);
      expect(members.length / rows.length).toBeCloseTo(segment.weight, 1);
      const meanSpending = members.reduce((s, r) => s + (r.spendingScore ?? 0), 0) / members.length;
      expect(Math.abs(meanSpending - segment.spending)).toBeLessThan(6);
    });
  });

  it('keeps values in the ranges of the real dataset and includes its messiness', () => {
    const rows = take(20_000);
    for (const r of rows) {
      expect(r.age).toBeGreaterThanOrEqual(0);
      expect(r.age).toBeLessThanOrEqual(99);
      expect(r.spendingScore).toBeGreaterThanOrEqual(0);
      expect(r.spendingScore).toBeLessThanOrEqual(100);
      expect(r.familySize).toBeGreaterThanOrEqual(1);
      expect(r.workExperience).toBeGreaterThanOrEqual(0);
    }
    expect(rows.some((r) => r.profession === null)).toBe(true);
    expect(rows.some((r) => r.gender === null)).toBe(true);
    expect(rows.some((r) => (r.age ?? 99) < 18)).toBe(true);
    expect(rows.some((r) => r.annualIncome === 0)).toBe(true);
  });

  it('rejects a bad row count', () => {
    expect(() => take(-1)).toThrow(/rows/);
  });
});

describe('customerToCsvRow', () => {
  it('writes the original column order with blanks for missing values', () => {
    const row = customerToCsvRow({
      customerId: '7',
      gender: null,
      age: 30,
      annualIncome: 50000,
      spendingScore: 61,
      profession: null,
      workExperience: 3,
      familySize: 2,
      segment: 0,
    });
    expect(CUSTOMER_CSV_HEADER.split(',')).toHaveLength(8);
    expect(row).toBe('7,,30,50000,,3,2,61');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
