import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { REPORT_FIGURE_NAMES, REPORT_METRIC_NAMES } from './report-model.js';
import { resolveReportSelection } from './report-selection.js';

describe('resolveReportSelection', () => {
  it('selects everything by default, in display order', () => {
    expect(resolveReportSelection()).toEqual({
      metrics: [...REPORT_METRIC_NAMES],
      figures: [...REPORT_FIGURE_NAMES],
    });
  });

  it('normalises case and spacing, drops duplicates and keeps display order', () => {
    const s = resolveReportSelection({ metrics: [' R2', 'mse', 'MSE'], figures: ['drift', 'Clusters'] });
    expect(s).toEqual({ metrics: ['mse', 'r2'], figures: ['clusters', 'drift'] });
  });

  it('treats an empty list as "none"', () => {
    expect(resolveReportSelection({ metrics: [], figures: [] })).toEqual({ metrics: [], figures: [] });
  });

  it('rejects an unknown metric with REPORT_UNKNOWN_METRIC listing the valid names', () => {
    try {
      resolveReportSelection({ metrics: ['mse', 'accuracy'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe('REPORT_UNKNOWN_METRIC');
      expect(err.category).toBe('invalid_input');
      expect(err.details).toEqual({ unknown: ['accuracy'], valid: ['mse', 'rmse', 'mae', 'r2'] });
      expect(err.message).toContain('accuracy');
    }
  });

  it('rejects the seed system’s mismatched figure names with REPORT_UNKNOWN_FIGURE', () => {
    // `gender` and `segmentation` were names the original used inconsistently (defect 8.9).
    expect(() => resolveReportSelection({ figures: ['clusters', 'gender'] })).toThrow(
      expect.objectContaining({
        code: 'REPORT_UNKNOWN_FIGURE',
        category: 'invalid_input',
        details: { unknown: ['gender'], valid: [...REPORT_FIGURE_NAMES] },
      }),
    );
  });
});
