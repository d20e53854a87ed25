import type { TopLevelSpec } from 'vega-lite';
import type { ReportDriftSummary } from '../report-model.js';
import { CHART_COLORS, CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-theme.js';

/**
 * One bar per feature: its effect size (falling back to the test statistic when no effect size is
 * given), red when the feature is flagged as drifted; the test and p-value are printed beside it.
 */
export function driftSpec(drift: ReportDriftSummary): TopLevelSpec {
  const rows = drift.features.map((f) => ({
    feature: f.feature,
    value: f.effectSize ?? f.statistic,
    status: f.drifted ? 'Drifted' : 'Stable',
    note: `${DRIFT_TEST_LABELS[f.test.toLowerCase()] ?? f.test}${f.pValue === null ? '' : `, p ${formatP(f.pValue)}`}`,
  }));
  const max = Math.max(1e-9, ...rows.map((r) => r.value));
  const names = new Set(
    drift.features.map((f) => f.effectSizeName ?? (f.effectSize === null ? 'statistic' : 'effect size')),
  );
  const measure = names.size === 1 ? (DRIFT_MEASURE_LABELS[[...names][0]] ?? [...names][0]) : 'Effect size';
  const y = {
    field: 'feature',
    type: 'nominal' as const,
    sort: rows.map((r) => r.feature),
    title: null,
    axis: { labelLimit: 160, ticks: false, domain: false },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Bar chart of drift (${measure}) for ${rows.length} features; ${rows.filter((r) => r.status === 'Drifted').length} flagged as drifted.`,
    width: 300,
    height: Math.max(80, rows.length * 26),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: {
            field: 'value',
            type: 'quantitative',
            title: measure,
            scale: { domain: [0, max * 1.6], nice: false },
            axis: { tickCount: 4, format: '~r' },
          },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: ['Drifted', 'Stable'], range: [CHART_COLORS.alert, CHART_COLORS.muted] },
            legend: { orient: 'bottom' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: CHART_COLORS.text },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'note', type: 'nominal' },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}

/** Display names of drift tests and effect-size measures, limited to characters the PDF's standard fonts can draw (WinAnsi). */
export const DRIFT_TEST_LABELS: Record<string, string> = {
  ks: 'KS',
  chi2: 'Chi²',
  psi: 'PSI',
  ttest: 't-test',
};
export const DRIFT_MEASURE_LABELS: Record<string, string> = {
  psi: 'PSI (population stability index)',
  cramers_v: 'Cramér’s V',
  wasserstein_norm: 'Normalised Wasserstein distance',
  statistic: 'Test statistic',
  'effect size': 'Effect size',
};

function formatP(p: number): string {
  if (p < 0.001) return '< 0.001';
  return `= ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}
