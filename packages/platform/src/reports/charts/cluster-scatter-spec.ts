import type { TopLevelSpec } from 'vega-lite';
import type { ReportClusterPoint } from '../report-model.js';
import {
  CHART_CONFIG,
  DOLLAR_THOUSANDS_LABEL,
  CHART_WIDTH,
  VEGA_LITE_SCHEMA,
  segmentColorScale,
} from './chart-theme.js';

/**
 * Scatter of annual income (x) against spending score (y), one colour per segment.
 * `segmentLabels` fixes the colour order (pass the report's segments in id order); labels found only
 * in the points are appended. Pure: returns a plain JSON Vega-Lite spec.
 */
export function clusterScatterSpec(
  points: readonly ReportClusterPoint[],
  segmentLabels: readonly string[] = [],
): TopLevelSpec {
  const labels = [...segmentLabels];
  for (const p of points) if (!labels.includes(p.segmentLabel)) labels.push(p.segmentLabel);
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Scatter plot of annual income against spending score for ${points.length.toLocaleString('en-US')} customers, coloured by segment.`,
    width: CHART_WIDTH,
    height: 270,
    data: {
      values: points.map((p) => ({
        income: p.annualIncome,
        score: p.spendingScore,
        segment: p.segmentLabel,
      })),
    },
    // Per-point ARIA labels would bloat the SVG; the chart carries one description instead.
    mark: { type: 'circle', size: 22, opacity: 0.65, aria: false },
    encoding: {
      x: {
        field: 'income',
        type: 'quantitative',
        title: 'Annual income',
        axis: { labelExpr: DOLLAR_THOUSANDS_LABEL, tickCount: 8 },
        scale: { zero: true, nice: true },
      },
      y: {
        field: 'score',
        type: 'quantitative',
        title: 'Spending score (1–100)',
        scale: { domain: [0, 100] },
      },
      color: {
        field: 'segment',
        type: 'nominal',
        title: 'Segment',
        scale: segmentColorScale(labels),
        legend: { orient: 'bottom', columns: 2, symbolOpacity: 1, symbolType: 'circle' },
      },
    },
    config: CHART_CONFIG,
  };
}
