import { describe, expect, it } from 'vitest';
import { sql } from './sql.js';

describe('sql tag', () => {
  it('turns every interpolation into a numbered parameter', () => {
    const evil = "x'; DROP TABLE customers; --";
    expect(sql`SELECT * FROM t WHERE a = ${1} AND b = ${evil}`.toQuery()).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b = $2',
      values: [1, evil],
    });
  });

  it('nests fragments and renumbers their parameters', () => {
    const where = sql.join([sql`a = ${1}`, sql`b = ${2}`, sql`c IS NULL`], ' AND ');
    expect(sql`SELECT ${sql.ident('x"y')} FROM t WHERE ${where} LIMIT ${10}${sql.empty}`.toQuery()).toEqual({
      text: 'SELECT "x""y" FROM t WHERE a = $1 AND b = $2 AND c IS NULL LIMIT $3',
      values: [1, 2, 10],
    });
  });

  it('sends json as text cast to jsonb, null as SQL NULL', () => {
    expect(sql`${sql.json([1, { a: 'b' }])}`.toQuery()).toEqual({
      text: 'CAST(CAST($1 AS text) AS jsonb)',
      values: ['[1,{"a":"b"}]'],
    });
    expect(sql`${sql.json(null)}`.toQuery().values).toEqual([null]);
  });
});
