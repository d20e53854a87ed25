import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareReport } from './prepare-report.js';
import { buildSampleReportModel } from './sample-report-model.js';
import { writeFigureFiles } from './write-figure-files.js';

const dir = mkdtempSync(join(tmpdir(), 'cohortlens-figures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pngWidth = (png: Buffer): number => png.readUInt32BE(16);

describe('writeFigureFiles', () => {
  it('writes every selected figure as SVG and as a PNG sized by the dpi', async () => {
    const prepared = await prepareReport(buildSampleReportModel(300, 3), {
      figures: ['clusters', 'correlation'],
    });
    const at96 = await writeFigureFiles(prepared, { dir: join(dir, '96'), dpi: 96 });
    const at192 = await writeFigureFiles(prepared, { dir: join(dir, '192'), dpi: 192 });
    expect(at96.map((f) => f.name)).toEqual(['clusters', 'correlation']);
    for (let i = 0; i < at96.length; i++) {
      expect(readFileSync(at96[i].svg, 'utf8')).toMatch(/^<svg/);
      const small = readFileSync(at96[i].png);
      const large = readFileSync(at192[i].png);
      expect(small.subarray(1, 4).toString()).toBe('PNG');
      expect(Math.abs(pngWidth(large) - 2 * pngWidth(small))).toBeLessThanOrEqual(1);
      expect(Math.abs(pngWidth(small) - prepared.figures[i].width)).toBeLessThanOrEqual(1);
    }
  });
});
