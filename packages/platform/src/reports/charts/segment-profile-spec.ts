import type { TopLevelSpec } from 'vega-lite';
import type { ReportSegmentProfile } from '../report-model.js';
import { CHART_CONFIG, DOLLAR_THOUSANDS_LABEL, VEGA_LITE_SCHEMA, segmentColorScale } from './chart-theme.js';

interface PanelOptions {
  field: string;
  labelField: string;
  title: string;
  domainMax: number;
  axis: Record<string, unknown>;
  showSegmentLabels: boolean;
}

/**
 * Three aligned horizontal bar panels per segment: share of customers, mean annual income and
 * mean spending score. Segment colours follow the order of `segments` (as in the scatter).
 */
export function segmentProfileSpec(segments: readonly ReportSegmentProfile[]): TopLevelSpec {
  const labels = segments.map((s) => s.label);
  const color = {
    field: 'segment',
    type: 'nominal' as const,
    scale: segmentColorScale(labels),
    legend: null,
  };
  const panelHeight = Math.max(90, segments.length * 26);
  const panel = (o: PanelOptions) => {
    const y = {
      field: 'segment',
      type: 'nominal' as const,
      sort: labels,
      title: null,
      axis: o.showSegmentLabels ? { labelLimit: 130, ticks: false, domain: false } : null,
    };
    const x = {
      field: o.field,
      type: 'quantitative' as const,
      scale: { domain: [0, o.domainMax], nice: false },
    };
    return {
      width: 92,
      height: panelHeight,
      layer: [
        {
          mark: { type: 'bar' as const, cornerRadiusEnd: 2 },
          encoding: { y, x: { ...x, title: o.title, axis: { grid: true, ...o.axis } }, color },
        },
        {
          mark: { type: 'text' as const, align: 'left' as const, dx: 3, fontSize: 10, color: '#2b2b2b' },
          encoding: { y, x, text: { field: o.labelField, type: 'nominal' as const } },
        },
      ],
    };
  };
  const maxShare = Math.max(0.01, ...segments.map((s) => s.share));
  const maxIncome = Math.max(1, ...segments.map((s) => s.means.annualIncome));
  const incomeStep = niceStep(maxIncome / 2);
  const shareStep = niceStep(maxShare / 2);
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: `Bar charts comparing ${segments.length} segments by share of customers, mean annual income and mean spending score.`,
    data: {
      values: segments.map((s) => ({
        segment: s.label,
        share: s.share,
        shareLabel: `${Math.round(s.share * 100)}%`,
        income: s.means.annualIncome,
        incomeLabel: `$${Math.round(s.means.annualIncome / 1000).toLocaleString('en-US')}k`,
        score: s.means.spendingScore,
        scoreLabel: s.means.spendingScore.toFixed(0),
      })),
    },
    // Headroom on each x domain leaves room for the value labels at the bar ends.
    hconcat: [
      panel({
        field: 'share',
        labelField: 'shareLabel',
        title: 'Share of customers',
        domainMax: maxShare * 1.35,
        axis: { format: '.0%', values: ticks(shareStep, maxShare * 1.35) },
        showSegmentLabels: true,
      }),
      panel({
        field: 'income',
        labelField: 'incomeLabel',
        title: 'Mean annual income',
        domainMax: maxIncome * 1.4,
        axis: { labelExpr: DOLLAR_THOUSANDS_LABEL, values: ticks(incomeStep, maxIncome * 1.4) },
        showSegmentLabels: false,
      }),
      panel({
        field: 'score',
        labelField: 'scoreLabel',
        title: 'Mean spending score',
        domainMax: 118,
        axis: { values: [0, 50, 100] },
        showSegmentLabels: false,
      }),
    ],
    spacing: 14,
    resolve: { scale: { x: 'independent' } },
    config: CHART_CONFIG,
  } as TopLevelSpec;
}

/** 1, 2 or 5 times a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
}

function ticks(step: number, max: number): number[] {
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-12; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}
