import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { writeDemoCustomers } from './write-demo-customers.js';

const dir = mkdtempSync(join(tmpdir(), 'cohortlens-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeDemoCustomers', () => {
  it('writes the original header and one line per row, identically for one seed', async () => {
    const a = join(dir, 'nested', 'a.csv');
    const b = join(dir, 'b.csv');
    const result = await writeDemoCustomers({ rows: 3000, seed: 7, out: a });
    await writeDemoCustomers({ rows: 3000, seed: 7, out: b });
    const text = readFileSync(a, 'utf8');
    expect(result.rows).toBe(3000);
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(text.split('\n')[0]).toBe(
      'CustomerID,Gender,Age,Annual Income ($),Profession,Work Experience,Family Size,Spending Score (1-100)',
    );
    expect(text.trimEnd().split('\n')).toHaveLength(3001);
    expect(readFileSync(b, 'utf8')).toBe(text);
  });

  it('refuses a negative row count', async () => {
    await expect(writeDemoCustomers({ rows: -1, out: join(dir, 'x.csv') })).rejects.toMatchObject({
      code: 'DEMO_DATA_INVALID_OPTIONS',
    });
  });
});
