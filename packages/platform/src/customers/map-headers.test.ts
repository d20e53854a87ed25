import { describe, it, expect } from 'vitest';
import { mapHeaders, parseColumnMap, squashHeader } from './map-headers.js';
import { AppError } from '../errors/app-error.js';

const ORIGINAL = [
  'CustomerID',
  'Gender',
  'Age',
  'Annual Income ($)',
  'Profession',
  'Work Experience',
  'Family Size',
  'Spending Score (1-100)',
];

describe('mapHeaders', () => {
  it('maps the original Customers.csv header to every canonical field', () => {
    const m = mapHeaders(ORIGINAL);
    expect(Object.fromEntries(Object.entries(m.fields).map(([f, s]) => [f, s.index]))).toEqual({
      customer_id: 0,
      gender: 1,
      age: 2,
      annual_income: 3,
      profession: 4,
      work_experience: 5,
      family_size: 6,
      spending_score: 7,
    });
    expect(m.attributes).toEqual([]);
  });

  it('maps snake_case names and keeps extra columns as attributes', () => {
    const m = mapHeaders(['customer_id', 'annual_income', 'spending_score', 'city']);
    expect(m.fields.annual_income).toEqual({ index: 1, header: 'annual_income', scale: 1 });
    expect(m.attributes).toEqual([{ index: 3, name: 'city' }]);
  });

  it("maps Mall_Customers' Genre and scales Annual Income (k$) by 1000", () => {
    const m = mapHeaders(['CustomerID', 'Genre', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)']);
    expect(m.fields.gender?.index).toBe(1);
    expect(m.fields.annual_income).toEqual({ index: 3, header: 'Annual Income (k$)', scale: 1000 });
  });

  it('lets an explicit map win, including a thousands target and attribute', () => {
    const explicit = parseColumnMap([
      'Kunde=customer_id',
      'Einkommen (Tsd)=annual_income_k',
      'Age=attribute',
    ]);
    const m = mapHeaders(['Kunde', 'Einkommen (Tsd)', 'Age'], explicit);
    expect(m.fields.customer_id?.index).toBe(0);
    expect(m.fields.annual_income?.scale).toBe(1000);
    expect(m.fields.age).toBeUndefined();
    expect(m.attributes).toEqual([{ index: 2, name: 'Age' }]);
  });

  it('keeps a second column claiming the same field as an attribute', () => {
    const m = mapHeaders(['id', 'income', 'Annual Income ($)']);
    expect(m.fields.annual_income?.index).toBe(1);
    expect(m.attributes.map((a) => a.name)).toEqual(['Annual Income ($)']);
  });

  it('fails with IMPORT_HEADER_MISSING, the headers seen and a hint when there is no id column', () => {
    try {
      mapHeaders(['CustomerID|Gender|Age']);
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('IMPORT_HEADER_MISSING');
      expect((e as AppError).details?.headersSeen).toEqual(['CustomerID|Gender|Age']);
      expect(String((e as AppError).details?.hint)).toMatch(/delimiter/);
    }
  });

  it('rejects malformed map entries and mapped headers absent from the file', () => {
    expect(() => parseColumnMap(['no equals sign'])).toThrow(/Invalid column mapping/);
    expect(() => parseColumnMap(['X=not_a_field'])).toThrow(/Invalid column mapping/);
    expect(() => mapHeaders(['id'], { Missing: 'age' })).toThrow(/not in the file/);
  });

  it('squashes headers to letters and digits', () => {
    expect(squashHeader('Annual Income ($)')).toBe('annualincome');
    expect(squashHeader('Spending Score (1-100)')).toBe('spendingscore1100');
  });
});
