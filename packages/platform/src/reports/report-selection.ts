import { AppError } from '../errors/app-error.js';
import {
  REPORT_FIGURE_NAMES,
  REPORT_METRIC_NAMES,
  type ReportFigureName,
  type ReportMetricName,
} from './report-model.js';

/** What to include in a rendered report. Omitted lists mean "all"; an empty list means "none". */
export interface ReportSelectionOptions {
  metrics?: readonly string[];
  figures?: readonly string[];
}

/** A validated selection, in canonical display order, without duplicates. */
export interface ReportSelection {
  metrics: ReportMetricName[];
  figures: ReportFigureName[];
}

/**
 * Validates metric and figure names (case-insensitive, trimmed) and returns them in display order.
 * Throws `REPORT_UNKNOWN_METRIC` / `REPORT_UNKNOWN_FIGURE` (invalid_input) listing the valid names.
 */
export function resolveReportSelection(options: ReportSelectionOptions = {}): ReportSelection {
  return {
    metrics: pick(options.metrics, REPORT_METRIC_NAMES, 'REPORT_UNKNOWN_METRIC', 'metric'),
    figures: pick(options.figures, REPORT_FIGURE_NAMES, 'REPORT_UNKNOWN_FIGURE', 'figure'),
  };
}

function pick<T extends string>(
  requested: readonly string[] | undefined,
  valid: readonly T[],
  code: string,
  kind: string,
): T[] {
  if (requested === undefined) return [...valid];
  const wanted = new Set(requested.map((n) => String(n).trim().toLowerCase()));
  const unknown = [...wanted].filter((n) => !(valid as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new AppError(
      code,
      'invalid_input',
      `Unknown report ${kind} name${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Valid names: ${valid.join(', ')}.`,
      { details: { unknown, valid: [...valid] } },
    );
  }
  return valid.filter((n) => wanted.has(n));
}
