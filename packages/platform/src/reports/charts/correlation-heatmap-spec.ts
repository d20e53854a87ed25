import type { TopLevelSpec } from 'vega-lite';
import type { ReportCorrelationMatrix } from '../report-model.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-theme.js';

/**
 * Annotated correlation heatmap on a diverging blue–red scale fixed to [-1, 1] so colour means
 * the same in every report; cell text switches to white on dark cells.
 */
export function correlationHeatmapSpec(matrix: ReportCorrelationMatrix): TopLevelSpec {
  const { names, values } = matrix;
  const cells: { row: string; col: string; r: number }[] = [];
  names.forEach((row, i) => names.forEach((col, j) => cells.push({ row, col, r: values[i][j] })));
  const cell = Math.max(34, Math.min(48, Math.floor(330 / Math.max(1, names.length))));
  const size = cell * names.length;
  const axisCommon = { ticks: false, domain: false, labelLimit: 150, labelOverlap: false };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Heatmap of pairwise Pearson correlations between ${names.length} numeric features.`,
    width: size,
    height: size,
    data: { values: cells },
    encoding: {
      x: {
        field: 'col',
        type: 'nominal',
        sort: names,
        title: null,
        axis: { ...axisCommon, labelAngle: -40, labelAlign: 'right', orient: 'bottom' },
      },
      y: { field: 'row', type: 'nominal', sort: names, title: null, axis: axisCommon },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'r',
            type: 'quantitative',
            title: 'Correlation',
            scale: { scheme: 'redblue', domain: [-1, 1], reverse: true },
            legend: {
              orient: 'right',
              gradientLength: Math.min(size, 200),
              format: '.1f',
              values: [-1, -0.5, 0, 0.5, 1],
            },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          text: { field: 'r', type: 'quantitative', format: '.2f' },
          color: { condition: { test: 'abs(datum.r) >= 0.6', value: 'white' }, value: '#1a1a1a' },
        },
      },
    ],
    config: CHART_CONFIG,
  } as TopLevelSpec;
}
