import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db.js';
import { createTestDb } from '../testing/create-test-db.js';
import { createTestTenant } from '../testing/test-tenant.js';
import { deleteReport, getReport, insertReport, listReports } from './report-repository.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  await db?.close();
});

describe('report repository', () => {
  it('stores bytes or a path, lists without content, deletes per tenant', async () => {
    const t = await createTestTenant(db);
    const other = await createTestTenant(db);
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 255]);
    const pdf = await insertReport(db, t.id, {
      format: 'pdf',
      title: 'Q3',
      metrics: ['mse', 'r2'],
      figures: ['clusters'],
      content: bytes,
      contentType: 'application/pdf',
    });
    expect(pdf).toMatchObject({
      format: 'pdf',
      title: 'Q3',
      metrics: ['mse', 'r2'],
      figures: ['clusters'],
      sizeBytes: 6,
    });
    const html = await insertReport(db, t.id, { format: 'html', title: 'Q4', filePath: '/tmp/r.html' });
    expect(html).toMatchObject({ filePath: '/tmp/r.html', sizeBytes: null, metrics: [] });
    const got = await getReport(db, t.id, pdf.id);
    expect(got?.content).toEqual(bytes);
    expect((await getReport(db, t.id, html.id))?.content).toBeNull();
    expect(await getReport(db, other.id, pdf.id)).toBeNull();
    expect((await listReports(db, t.id)).map((r) => r.title).sort()).toEqual(['Q3', 'Q4']);
    expect(await deleteReport(db, other.id, pdf.id)).toBe(false);
    expect(await deleteReport(db, t.id, pdf.id)).toBe(true);
    expect((await listReports(db, t.id)).map((r) => r.id)).toEqual([html.id]);
    await expect(insertReport(db, t.id, { format: 'html', title: 'empty' })).rejects.toMatchObject({
      code: 'DB_INVALID_VALUE',
    });
  });
});
