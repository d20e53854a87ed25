import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { buildSampleReportModel } from '../sample-report-model.js';
import {
  clusterScatterSpec,
  correlationHeatmapSpec,
  driftSpec,
  featureImportanceSpec,
  predictedVsActualSpec,
  renderChartSvg,
  savingsHistogramSpec,
  segmentProfileSpec,
} from './index.js';

const model = buildSampleReportModel(400, 11);
const labels = model.segments.map((s) => s.label);

/** Compiles with vega-lite, collecting its warnings and errors instead of printing them. */
function compileStrict(spec: TopLevelSpec): { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const sink =
    (list: string[]) =>
    (...args: unknown[]) => {
      list.push(args.map(String).join(' '));
      return logger;
    };
  const logger = {
    level: () => logger,
    warn: sink(warnings),
    info: () => logger,
    debug: () => logger,
    error: sink(errors),
  };
  compile(spec, { logger: logger as never });
  return { warnings, errors };
}

/** Number of drawn items (path, rect, text, line) inside the mark groups of one mark type. */
function countMarks(svg: string, markType: string): number {
  const groups =
    svg.match(new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g')) ?? [];
  return groups.reduce((n, g) => n + (g.match(/<(path|rect|text|line)\b/g)?.length ?? 0), 0);
}

const cases: [string, () => TopLevelSpec][] = [
  ['clusterScatterSpec', () => clusterScatterSpec(model.clusterPoints!, labels)],
  ['segmentProfileSpec', () => segmentProfileSpec(model.segments)],
  ['predictedVsActualSpec', () => predictedVsActualSpec(model.predictions!)],
  ['featureImportanceSpec', () => featureImportanceSpec(model.featureImportance!)],
  ['correlationHeatmapSpec', () => correlationHeatmapSpec(model.correlation!)],
  ['savingsHistogramSpec', () => savingsHistogramSpec(model.savings!)],
  ['driftSpec', () => driftSpec(model.drift!)],
];

describe('chart spec builders', () => {
  it.each(cases)('%s compiles with vega-lite without errors or warnings', (_name, build) => {
    const spec = build();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // plain JSON, reusable by the dashboard
    const { warnings, errors } = compileStrict(spec);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(typeof spec.description).toBe('string');
  });

  it('colours segments in the same order in the scatter and the profile chart', () => {
    const scatter = clusterScatterSpec(model.clusterPoints!, labels) as {
      encoding: { color: { scale: unknown } };
    };
    const profile = JSON.stringify(segmentProfileSpec(model.segments));
    expect(profile).toContain(JSON.stringify(scatter.encoding.color.scale));
  });
});

describe('renderChartSvg', () => {
  it('draws one symbol per customer in the scatter', async () => {
    const svg = await renderChartSvg(clusterScatterSpec(model.clusterPoints!, labels));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(countMarks(svg, 'symbol')).toBe(model.clusterPoints!.length);
    for (const label of labels) expect(svg).toContain(label); // legend
  });

  it('draws one bar and one value label per feature', async () => {
    const svg = await renderChartSvg(featureImportanceSpec(model.featureImportance!));
    expect(countMarks(svg, 'rect')).toBe(model.featureImportance!.length);
    expect(countMarks(svg, 'text')).toBe(model.featureImportance!.length);
  });

  it('draws n × n heatmap cells with ASCII minus signs', async () => {
    const n = model.correlation!.names.length;
    const svg = await renderChartSvg(correlationHeatmapSpec(model.correlation!));
    expect(countMarks(svg, 'rect')).toBe(n * n);
    expect(svg).toContain('>-0.04<');
    expect(svg).not.toContain('\u2212');
  });

  it('draws one bar per histogram bin and per drift feature', async () => {
    expect(countMarks(await renderChartSvg(savingsHistogramSpec(model.savings!)), 'rect')).toBe(
      model.savings!.bins.length,
    );
    expect(countMarks(await renderChartSvg(driftSpec(model.drift!)), 'rect')).toBe(
      model.drift!.features.length,
    );
  });

  it('escapes markup in data labels', async () => {
    const svg = await renderChartSvg(
      featureImportanceSpec([{ feature: '<script>alert(1)</script>', meanAbsShap: 1 }]),
    );
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('refuses to load data from a URL', async () => {
    const spec = { data: { url: 'https://example.com/x.csv' }, mark: 'point' } as TopLevelSpec;
    await expect(renderChartSvg(spec)).rejects.toMatchObject({ code: 'REPORT_CHART_RENDER_FAILED' });
  });
});
