import type { Config } from 'vega-lite';

/**
 * Shared look of every report and dashboard chart: one font stack (Helvetica first, so the PDF's
 * standard font matches the measured widths), one categorical palette, quiet grid lines.
 */

/** Tableau 10: distinguishable for common colour-vision deficiencies and in greyscale print. */
export const SEGMENT_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** Accent colours for single-series charts and flags. */
export const CHART_COLORS = {
  primary: '#4e79a7',
  muted: '#9aa5b1',
  alert: '#d62728',
  reference: '#6b6b6b',
  text: '#2b2b2b',
} as const;

export const CHART_FONT = 'Helvetica, Arial, sans-serif';

/** Default width (px) of a full-width chart: fits A4 with 50 pt margins when 1 px = 1 pt. */
export const CHART_WIDTH = 440;

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  padding: 8,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'bold',
    labelColor: CHART_COLORS.text,
    titleColor: CHART_COLORS.text,
    gridColor: '#e8e8e8',
    domainColor: '#8a8a8a',
    tickColor: '#8a8a8a',
    titlePadding: 8,
    labelOverlap: true,
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 12,
    labelColor: CHART_COLORS.text,
    titleColor: CHART_COLORS.text,
    labelLimit: 260,
  },
  title: { fontSize: 14, anchor: 'start', color: CHART_COLORS.text },
};

/** Colour scale that gives segment i the i-th palette colour, so every chart agrees. */
export function segmentColorScale(labels: readonly string[]): { domain: string[]; range: string[] } {
  return {
    domain: [...labels],
    range: labels.map((_, i) => SEGMENT_PALETTE[i % SEGMENT_PALETTE.length]),
  };
}

/** Axis label expression for dollar amounts in thousands: $0, $50k, $120k. */
export const DOLLAR_THOUSANDS_LABEL =
  "datum.value === 0 ? '$0' : '$' + format(datum.value / 1000, ',.0f') + 'k'";

/** Schema URL kept in specs for editors; it is never fetched (renderers compile offline). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
