import { Readable } from 'node:stream';
import { describe, it, expect } from 'vitest';
import { openCsv, sniffDelimiter } from './open-csv.js';
import { AppError } from '../errors/app-error.js';

const fromText = (text: string | Buffer, chunkSize = 7): Readable => {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) parts.push(buf.subarray(i, i + chunkSize));
  return Readable.from(parts);
};

async function readAll(
  text: string | Buffer,
): Promise<{ headers: string[]; rows: string[][]; delimiter: string }> {
  const csv = await openCsv(fromText(text));
  const rows: string[][] = [];
  for await (const r of csv.records) rows.push(r);
  return { headers: csv.headers, rows, delimiter: csv.delimiter };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof AppError ? e.code : `non-AppError: ${String(e)}`;
  }
  return 'no error';
}

describe('openCsv', () => {
  it('reads quoted fields with embedded commas, quotes and newlines', async () => {
    const { headers, rows } = await readAll('id,name,note\n1,"Smith, J","said ""hi""\nthen left"\n2,B,\n');
    expect(headers).toEqual(['id', 'name', 'note']);
    expect(rows).toEqual([
      ['1', 'Smith, J', 'said "hi"\nthen left'],
      ['2', 'B', ''],
    ]);
  });

  it('strips a UTF-8 BOM and handles CRLF line endings', async () => {
    const { headers, rows } = await readAll('\uFEFFCustomerID,Age\r\n1,20\r\n2,30\r\n');
    expect(headers).toEqual(['CustomerID', 'Age']);
    expect(rows).toEqual([
      ['1', '20'],
      ['2', '30'],
    ]);
  });

  it('detects semicolon and tab delimiters from the header line', async () => {
    const semi = await readAll('id;income\n1;"1,5"\n');
    expect(semi.delimiter).toBe(';');
    expect(semi.rows).toEqual([['1', '1,5']]);
    const tab = await readAll('id\tname\n1\tA, B\n');
    expect(tab.delimiter).toBe('\t');
    expect(tab.rows).toEqual([['1', 'A, B']]);
  });

  it('ignores delimiters inside quoted header names when sniffing', () => {
    expect(sniffDelimiter('"a;b;c",d,e\n1;2;3')).toBe(',');
    expect(sniffDelimiter('single')).toBe(',');
  });

  it('rejects empty, whitespace-only and binary input with their codes', async () => {
    expect(await codeOf(openCsv(fromText('')))).toBe('IMPORT_EMPTY_FILE');
    expect(await codeOf(openCsv(fromText('\uFEFF\r\n  \n')))).toBe('IMPORT_EMPTY_FILE');
    expect(await codeOf(openCsv(fromText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))))).toBe(
      'IMPORT_NOT_TEXT',
    );
    expect(await codeOf(openCsv(fromText(Buffer.from([0x61, 0x2c, 0xff, 0xfe, 0x62, 0x0a]))))).toBe(
      'IMPORT_NOT_TEXT',
    );
  });

  it('reports a missing file as IMPORT_FILE_NOT_FOUND', async () => {
    expect(await codeOf(openCsv('/nonexistent/customers.csv'))).toBe('IMPORT_FILE_NOT_FOUND');
  });

  it('reports an unclosed quote as IMPORT_MALFORMED_CSV with a line number', async () => {
    const err = await readAll('id,name\n1,ok\n2,"broken\n3,x\n').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('IMPORT_MALFORMED_CSV');
    expect(typeof (err as AppError).details?.line).toBe('number');
  });

  it('streams a large input without reading it whole first', async () => {
    let produced = 0;
    const total = 50_000;
    async function* gen(): AsyncGenerator<Buffer> {
      yield Buffer.from('id,v\n');
      for (let i = 0; i < total; i += 1000) {
        let s = '';
        for (let j = i; j < i + 1000; j++) s += `${j},${j * 2}\n`;
        produced += 1000;
        yield Buffer.from(s);
      }
    }
    const csv = await openCsv(Readable.from(gen()));
    let n = 0;
    let producedAtFirst = -1;
    for await (const r of csv.records) {
      if (n === 0) producedAtFirst = produced;
      expect(Number(r[1])).toBe(Number(r[0]) * 2);
      n++;
    }
    expect(n).toBe(total);
    expect(producedAtFirst).toBeLessThan(total / 2);
  });
});
