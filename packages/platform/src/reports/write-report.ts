import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFigureFiles, type FigureFiles } from './write-figure-files.js';
import { AppError } from '../errors/app-error.js';
import { prepareReport, type ReportRenderOptions } from './prepare-report.js';
import type { ReportModel } from './report-model.js';
import { renderPreparedReportHtml } from './render-report-html.js';
import { renderPreparedReportPdf } from './render-report-pdf.js';

export type ReportFormat = 'html' | 'pdf' | 'both';

export interface WriteReportOptions extends ReportRenderOptions {
  outputDir: string;
  format: ReportFormat;
  /** Base name without extension; reduced to a safe file name (default `executive-report`). */
  fileBaseName?: string;
  /** Also write every figure as SVG and PNG (at `dpi`) into this directory (`reporting.figures_path`). */
  figureFiles?: { dir: string; dpi: number };
}

/** Absolute paths of the files written. */
export interface WriteReportResult {
  html?: string;
  pdf?: string;
  /** Figure files, when `figures` was given. */
  figureFiles?: FigureFiles[];
}

const DEFAULT_BASE_NAME = 'executive-report';

/**
 * Renders the report (figures included, rendered once for both formats) and writes it into
 * `outputDir` (created if missing). File names are sanitised, so a name like `../../etc/x` cannot
 * leave the directory. Throws `REPORT_UNKNOWN_FORMAT` for an unknown format.
 */
export async function writeReport(
  report: ReportModel,
  options: WriteReportOptions,
): Promise<WriteReportResult> {
  const { outputDir, format } = options;
  if (format !== 'html' && format !== 'pdf' && format !== 'both') {
    throw new AppError(
      'REPORT_UNKNOWN_FORMAT',
      'invalid_input',
      `Unknown report format: ${String(format)}.`,
      {
        details: { format, valid: ['html', 'pdf', 'both'] },
      },
    );
  }
  const prepared = await prepareReport(report, options);
  const dir = path.resolve(outputDir);
  await mkdir(dir, { recursive: true });
  const base = safeReportFileName(options.fileBaseName ?? DEFAULT_BASE_NAME);
  const result: WriteReportResult = {};
  if (format === 'html' || format === 'both') {
    result.html = path.join(dir, `${base}.html`);
    await writeFile(result.html, renderPreparedReportHtml(prepared), 'utf8');
  }
  if (format === 'pdf' || format === 'both') {
    result.pdf = path.join(dir, `${base}.pdf`);
    await writeFile(result.pdf, await renderPreparedReportPdf(prepared));
  }
  if (options.figureFiles) result.figureFiles = await writeFigureFiles(prepared, options.figureFiles);
  return result;
}

/**
 * Reduces any string to a portable file base name: letters, digits, `.`, `_` and `-` only, no
 * leading dots or path separators, at most 100 characters; falls back to `executive-report`.
 */
export function safeReportFileName(name: string): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100)
    .replace(/[.-]+$/g, '');
  return cleaned.length > 0 ? cleaned : DEFAULT_BASE_NAME;
}
