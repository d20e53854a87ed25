/**
 * Number, date and text formatting shared by the HTML and PDF renderers (en-US digits, UTC dates),
 * so both outputs print the same figures.
 */
import type { ReportDriftSummary, ReportMetricName } from './report-model.js';

export const formatInteger = (n: number): string => Math.round(n).toLocaleString('en-US');

export const formatDecimal = (n: number, digits: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** 0.221 → "22.1%". */
export const formatPercent = (share: number, digits = 1): string => `${formatDecimal(share * 100, digits)}%`;

/** 32000.4 → "$32,000". */
export const formatCurrency = (n: number): string => `$${formatInteger(n)}`;

/** ISO timestamp → "22 November 2026, 09:30 UTC"; unparsable input is returned unchanged. */
export function formatReportDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${date}, ${time} UTC`;
}

/** p-values: "< 0.001" below a thousandth, else 3 decimals. */
export const formatPValue = (p: number | null): string =>
  p === null ? '—' : p < 0.001 ? '< 0.001' : formatDecimal(p, 3);

export const METRIC_LABELS: Record<ReportMetricName, { short: string; long: string; digits: number }> = {
  mse: { short: 'MSE', long: 'Mean squared error', digits: 1 },
  rmse: { short: 'RMSE', long: 'Root mean squared error', digits: 2 },
  mae: { short: 'MAE', long: 'Mean absolute error', digits: 2 },
  r2: { short: 'R²', long: 'Coefficient of determination', digits: 3 },
};

export const formatMetric = (name: ReportMetricName, value: number): string =>
  formatDecimal(value, METRIC_LABELS[name].digits);

/** Human names for algorithm identifiers: `gradient_boosting` → "Gradient boosting". */
export function humanizeIdentifier(id: string): string {
  const known: Record<string, string> = {
    kmeans: 'k-means',
    gmm: 'Gaussian mixture',
    dbscan: 'DBSCAN',
    hdbscan: 'HDBSCAN',
    agglomerative: 'Agglomerative (Ward)',
  };
  const k = known[id.toLowerCase()];
  if (k) return k;
  const s = id.replace(/[_-]+/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Short effect-size name for tables: `psi` → "PSI", `cramers_v` → "Cramér’s V". */
export function effectLabel(name: string): string {
  const known: Record<string, string> = {
    psi: 'PSI',
    cramers_v: 'Cramér’s V',
    wasserstein_norm: 'Wasserstein',
  };
  return known[name] ?? name.replace(/_/g, ' ');
}

/** "2 of 6 features (33%)". */
export function driftCount(d: ReportDriftSummary): string {
  const n = d.features.filter((f) => f.drifted).length;
  return `${n} of ${d.features.length} feature${d.features.length === 1 ? '' : 's'} (${formatPercent(d.driftShare, 0)})`;
}
