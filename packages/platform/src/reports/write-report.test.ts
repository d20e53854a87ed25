import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleReportModel } from './sample-report-model.js';
import { safeReportFileName, writeReport } from './write-report.js';

const model = buildSampleReportModel(300, 3);
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cohortlens-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('safeReportFileName', () => {
  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'executive-report'],
    ['', 'executive-report'],
    ['/abs/path\\win', 'abs-path-win'],
    ['Q3 report: Café', 'Q3-report-Cafe'],
    ['.hidden', 'hidden'],
    ['a..b', 'a.b'],
  ])('%j → %j', (input, expected) => {
    expect(safeReportFileName(input)).toBe(expected);
  });

  it('never yields a separator, a leading dot or more than 100 characters', () => {
    for (const name of ['../'.repeat(50), 'x'.repeat(300), '\u0000/\u202e..', '....']) {
      const safe = safeReportFileName(name);
      expect(safe).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/);
    }
  });
});

describe('writeReport', () => {
  it('writes both formats inside outputDir, whatever the requested name', async () => {
    const out = path.join(dir, 'nested', 'reports');
    const result = await writeReport(model, {
      outputDir: out,
      format: 'both',
      fileBaseName: '../../escape',
      figures: ['segment_profiles'],
      metrics: ['r2'],
    });
    expect(result.html).toBe(path.join(out, 'escape.html'));
    expect(result.pdf).toBe(path.join(out, 'escape.pdf'));
    expect(readdirSync(out).sort()).toEqual(['escape.html', 'escape.pdf']);
    expect(readFileSync(result.html!, 'utf8')).toContain('id="fig-segment-profiles"');
    expect(readFileSync(result.pdf!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('writes only the requested format under the default name', async () => {
    const result = await writeReport(model, { outputDir: dir, format: 'html', figures: [] });
    expect(result).toEqual({ html: path.join(dir, 'executive-report.html') });
  });

  it('rejects an unknown format and unknown names before writing anything', async () => {
    const out = path.join(dir, 'never');
    await expect(writeReport(model, { outputDir: out, format: 'docx' as never })).rejects.toMatchObject({
      code: 'REPORT_UNKNOWN_FORMAT',
      category: 'invalid_input',
    });
    await expect(
      writeReport(model, { outputDir: out, format: 'pdf', figures: ['gender'] }),
    ).rejects.toMatchObject({
      code: 'REPORT_UNKNOWN_FIGURE',
    });
    expect(() => readdirSync(out)).toThrow();
  });
});
