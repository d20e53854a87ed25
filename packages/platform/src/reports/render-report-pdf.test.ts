import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleReportModel } from './sample-report-model.js';
import { renderReportPdf } from './render-report-pdf.js';

// poppler-utils (pdftotext, pdfinfo) read the PDF back; without them those tests are skipped.
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const model = buildSampleReportModel(2000, 7);
let dir: string;
let full: Buffer;

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

/** Text of the PDF, one string per page (needs poppler's pdftotext). */
function pdfText(pdf: Buffer, name: string): string[] {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cohortlens-pdf-'));
  full = await renderReportPdf(model, { compress: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderReportPdf', () => {
  it('produces an A4 PDF with metadata and a plausible page count', () => {
    expect(full.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(full.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(full.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const pages = pageCount(full);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(10);
  });

  it('draws charts as vectors, never as embedded images', () => {
    expect(full.toString('latin1')).not.toContain('/Subtype /Image');
  });

  it.skipIf(!hasPdftotext)('carries title, author and creation date metadata (pdfinfo)', () => {
    const file = path.join(dir, 'info.pdf');
    writeFileSync(file, full);
    const info = execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+CohortLens – Executive Report$/m);
    expect(info).toMatch(/^Author:\s+CohortLens$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-22T09:30:00/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  });

  it.skipIf(!hasPdftotext)('shows the title, sections and "Page n of m" on every page (pdftotext)', () => {
    const pages = pdfText(full, 'full');
    expect(pages.length).toBe(pageCount(full));
    expect(pages[0]).toContain('CohortLens – Executive Report');
    expect(pages[0]).toContain('Northwind Retail');
    const all = pages.join('\n');
    for (const s of [
      'Customer segments',
      'Spending prediction',
      'Customer data patterns',
      'Data drift',
      'Notes and warnings',
    ]) {
      expect(all).toContain(s);
    }
    pages.forEach((p, i) => expect(p).toContain(`Page ${i + 1} of ${pages.length}`));
    for (const s of model.segments) expect(all).toContain(s.label);
    expect(all).toContain('MSE (mean squared error)');
  });

  it.skipIf(!hasPdftotext)('removes unselected metrics and figures and is shorter', async () => {
    const pdf = await renderReportPdf(model, {
      metrics: ['r2'],
      figures: ['segment_profiles'],
      compress: false,
    });
    const text = pdfText(pdf, 'selected').join('\n');
    expect(text).toContain('R² (coefficient of determination)');
    expect(text).not.toContain('MSE (mean squared error)');
    expect(text).not.toContain('MAE (mean absolute error)');
    expect(text).toContain('Segment comparison');
    expect(text).not.toContain('Customer segments by income and spending');
    expect(text).not.toContain('Data drift against the baseline');
    expect(pageCount(pdf)).toBeLessThan(pageCount(full));
  });

  it.skipIf(!hasPdftotext)('renders customer text outside the standard fonts without breaking', async () => {
    const pdf = await renderReportPdf(
      { ...model, tenantName: 'Café 東京 <b>', notes: [], drift: undefined },
      { figures: [], metrics: [] },
    );
    const first = pdfText(pdf, 'unicode')[0];
    expect(first).toContain('Café ?? <b>');
  });
});
