import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './render-report-html.js';
import { renderReportPdf } from './render-report-pdf.js';
import type { ReportModel } from './report-model.js';

/** A run that produced nothing optional: no segments, no model, no baseline. */
const minimal: ReportModel = {
  title: 'Empty run',
  tenantName: 'Tenant',
  generatedAt: 'not a date',
  dataSummary: { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, featuresUsed: [] },
  segments: [],
  notes: [],
};

describe('a report with only the required fields', () => {
  it('renders HTML with a summary and a note per missing figure', async () => {
    const html = await renderReportHtml(minimal);
    expect(html).toContain('<section id="summary"');
    expect(html).not.toContain('<svg');
    expect(html.match(/omitted/g)?.length).toBe(8); // 7 figures + the metrics table
    expect(html).toContain('Generated not a date');
  });

  it('renders a PDF of at most two pages', async () => {
    const pdf = await renderReportPdf(minimal, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });
});
