import type { TopLevelSpec } from 'vega-lite';
import type { ReportPredictionPoint } from '../report-model.js';
import { CHART_COLORS, CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-theme.js';

/**
 * Predicted against actual values with the y = x line of perfect prediction; both axes share one
 * domain so distance from the line reads as error. `targetLabel` names the predicted quantity.
 */
export function predictedVsActualSpec(
  points: readonly ReportPredictionPoint[],
  targetLabel = 'Spending score',
): TopLevelSpec {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.actual, p.predicted);
    hi = Math.max(hi, p.actual, p.predicted);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const domain = [lo, hi];
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Scatter plot of predicted against actual ${targetLabel.toLowerCase()} for ${points.length.toLocaleString('en-US')} customers, with the line of perfect prediction.`,
    width: 270,
    height: 270,
    layer: [
      {
        data: { values: points.map((p) => ({ actual: p.actual, predicted: p.predicted })) },
        mark: { type: 'circle', size: 18, opacity: 0.5, color: CHART_COLORS.primary, aria: false },
        encoding: {
          x: {
            field: 'actual',
            type: 'quantitative',
            title: `Actual ${targetLabel.toLowerCase()}`,
            scale: { domain },
          },
          y: {
            field: 'predicted',
            type: 'quantitative',
            title: `Predicted ${targetLabel.toLowerCase()}`,
            scale: { domain },
          },
        },
      },
      {
        data: { values: [{ v: lo }, { v: hi }] },
        mark: { type: 'line', color: CHART_COLORS.reference, strokeDash: [5, 4], strokeWidth: 1.5 },
        encoding: {
          x: { field: 'v', type: 'quantitative' },
          y: { field: 'v', type: 'quantitative' },
        },
      },
    ],
    config: CHART_CONFIG,
  };
}
