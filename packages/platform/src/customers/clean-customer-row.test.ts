import { describe, it, expect } from 'vitest';
import { cleanCustomerRow, normaliseGender, parseNumber } from './clean-customer-row.js';
import { mapHeaders } from './map-headers.js';

const mapping = mapHeaders([
  'CustomerID',
  'Gender',
  'Age',
  'Annual Income ($)',
  'Profession',
  'Work Experience',
  'Family Size',
  'Spending Score (1-100)',
  'City',
]);

const clean = (cells: string[], row = 1) => cleanCustomerRow(cells, mapping, row);

describe('cleanCustomerRow', () => {
  it('accepts the plausible edge rows of the real data: a child, zero income, blank profession', () => {
    const r = clean(['  7 ', 'female', '0', '0', '', '0', '1', '0', ' Paris ']);
    expect(r).toEqual({
      ok: true,
      customer: {
        customerId: '7',
        gender: 'Female',
        age: 0,
        annualIncome: 0,
        spendingScore: 0,
        profession: 'Unknown',
        workExperience: 0,
        familySize: 1,
        attributes: { City: 'Paris' },
      },
    });
  });

  it('treats missing markers as missing: Unknown for categories, null for numbers', () => {
    const r = clean(['8', 'NA', 'n/a', '', 'null', '', '', '-', '']);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.customer.gender).toBe('Unknown');
      expect(r.customer.profession).toBe('Unknown');
      expect(r.customer.age).toBeNull();
      expect(r.customer.spendingScore).toBeNull();
      expect(r.customer.attributes).toEqual({});
    }
  });

  it('reports every implausible cell with its row, column, value and reason', () => {
    const r = clean(['9', 'M', '121', '-5', 'Artist', '-1', '0', '101', ''], 42);
    expect(r).toEqual({
      ok: false,
      rejects: [
        { row: 42, column: 'Age', value: '121', reason: 'out_of_range' },
        { row: 42, column: 'Annual Income ($)', value: '-5', reason: 'out_of_range' },
        { row: 42, column: 'Spending Score (1-100)', value: '101', reason: 'out_of_range' },
        { row: 42, column: 'Work Experience', value: '-1', reason: 'out_of_range' },
        { row: 42, column: 'Family Size', value: '0', reason: 'out_of_range' },
      ],
    });
  });

  it('rejects non-integer ages, unparsable numbers, blank ids and short rows', () => {
    expect(clean(['1', 'M', '30.5', '1', '', '1', '1', '1', ''])).toMatchObject({
      ok: false,
      rejects: [{ column: 'Age', reason: 'not_an_integer' }],
    });
    expect(clean(['1', 'M', 'thirty', '1', '', '1', '1', '1', ''])).toMatchObject({
      ok: false,
      rejects: [{ column: 'Age', reason: 'not_a_number' }],
    });
    expect(clean(['  ', 'M', '30', '1', '', '1', '1', '1', ''])).toMatchObject({
      ok: false,
      rejects: [{ column: 'CustomerID', reason: 'blank_customer_id' }],
    });
    expect(clean(['1', 'M'], 5)).toEqual({
      ok: false,
      rejects: [{ row: 5, column: '*', value: '2 fields', reason: 'wrong_field_count' }],
    });
  });

  it('accepts integer-valued decimals, currency signs and thousands separators', () => {
    const r = clean(['1', 'Male', '30.0', '$45,000', 'Doctor', '2', '3', '55.5', '']);
    expect(r).toMatchObject({ ok: true, customer: { age: 30, annualIncome: 45000, spendingScore: 55.5 } });
  });

  it('scales (k$) incomes by 1000', () => {
    const mall = mapHeaders(['CustomerID', 'Genre', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)']);
    const r = cleanCustomerRow(['1', 'Male', '19', '15', '39'], mall, 1);
    expect(r).toMatchObject({
      ok: true,
      customer: { annualIncome: 15000, gender: 'Male', profession: null, familySize: null },
    });
  });
});

describe('normaliseGender / parseNumber', () => {
  it('normalises spellings case-insensitively', () => {
    expect(['M', 'male', ' MALE ', 'Man'].map(normaliseGender)).toEqual(['Male', 'Male', 'Male', 'Male']);
    expect(['f', 'Female', 'WOMAN'].map(normaliseGender)).toEqual(['Female', 'Female', 'Female']);
    expect(['non-binary', 'X'].map(normaliseGender)).toEqual(['Other', 'Other']);
    expect(['', 'N/A'].map(normaliseGender)).toEqual(['Unknown', 'Unknown']);
  });

  it('parses plain, signed, exponent and grouped numbers and refuses the rest', () => {
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('-2')).toBe(-2);
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('12,5')).toBeNaN();
    expect(parseNumber('0x10')).toBeNaN();
    expect(parseNumber('Infinity')).toBeNaN();
  });
});
