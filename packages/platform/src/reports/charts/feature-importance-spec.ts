import type { TopLevelSpec } from 'vega-lite';
import type { ReportFeatureImportance } from '../report-model.js';
import { CHART_COLORS, CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-theme.js';

/** Horizontal bars of mean |SHAP| per original feature, largest first, values printed at bar ends. */
export function featureImportanceSpec(
  items: readonly ReportFeatureImportance[],
  unitLabel = 'points of spending score',
): TopLevelSpec {
  const sorted = [...items].sort((a, b) => b.meanAbsShap - a.meanAbsShap);
  const max = Math.max(1e-9, ...sorted.map((d) => d.meanAbsShap));
  const y = {
    field: 'feature',
    type: 'nominal' as const,
    sort: sorted.map((d) => d.feature),
    title: null,
    axis: { labelLimit: 180, ticks: false, domain: false },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Bar chart of global feature importance (mean absolute SHAP value) for ${sorted.length} features.`,
    width: 330,
    height: Math.max(80, sorted.length * 26),
    data: { values: sorted.map((d) => ({ feature: d.feature, value: d.meanAbsShap })) },
    layer: [
      {
        mark: { type: 'bar', color: CHART_COLORS.primary, cornerRadiusEnd: 2 },
        encoding: {
          y,
          x: {
            field: 'value',
            type: 'quantitative',
            title: `Mean |SHAP| (${unitLabel})`,
            scale: { domain: [0, max * 1.18], nice: false },
            axis: { tickCount: 5, format: '~r' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: CHART_COLORS.text },
        encoding: {
          y,
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'value', type: 'quantitative', format: max >= 10 ? '.1f' : '.2f' },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
