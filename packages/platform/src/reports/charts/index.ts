// Chart spec builders (pure, reusable by the dashboard) and the server-side SVG renderer.
export * from './chart-theme.js';
export { clusterScatterSpec } from './cluster-scatter-spec.js';
export { segmentProfileSpec } from './segment-profile-spec.js';
export { predictedVsActualSpec } from './predicted-vs-actual-spec.js';
export { featureImportanceSpec } from './feature-importance-spec.js';
export { correlationHeatmapSpec } from './correlation-heatmap-spec.js';
export { savingsHistogramSpec } from './savings-histogram-spec.js';
export { driftSpec, DRIFT_MEASURE_LABELS, DRIFT_TEST_LABELS } from './drift-spec.js';
export { renderChartSvg } from './render-chart-svg.js';
