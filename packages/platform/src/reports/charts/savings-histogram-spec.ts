import type { TopLevelSpec } from 'vega-lite';
import type { ReportSavingsDistribution } from '../report-model.js';
import { CHART_COLORS, CHART_CONFIG, CHART_WIDTH, VEGA_LITE_SCHEMA } from './chart-theme.js';

/**
 * Histogram of savings (% of income) from pre-computed bins. Customers with unknown savings
 * (income 0) are not a bin; the report states their count in the caption.
 */
export function savingsHistogramSpec(savings: ReportSavingsDistribution): TopLevelSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Histogram of savings as a percentage of income over ${savings.bins.length} bins.`,
    width: CHART_WIDTH,
    height: 200,
    data: { values: savings.bins.map((b) => ({ start: b.start, end: b.end, count: b.count })) },
    mark: { type: 'bar', color: CHART_COLORS.primary, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: {
        field: 'start',
        type: 'quantitative',
        bin: { binned: true },
        title: 'Savings (% of annual income)',
        axis: { format: '~r', labelExpr: "datum.label + '%'", tickCount: 10 },
      },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: 'Customers', axis: { format: ',d', tickMinStep: 1 } },
    },
    config: CHART_CONFIG,
  };
}
