import { beforeAll, describe, expect, it } from 'vitest';
import { buildSampleReportModel } from './sample-report-model.js';
import { renderReportHtml } from './render-report-html.js';
import type { ReportModel } from './report-model.js';

const model = buildSampleReportModel(2000, 7);

/** The parts of the HTML outside inline <svg> elements (the SVG carries the W3C namespace URL). */
const outsideSvg = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>/g, '');

describe('renderReportHtml', () => {
  let full: string;
  beforeAll(async () => {
    full = await renderReportHtml(model);
  });

  it('is self-contained: no scripts, stylesheets links or remote resources', () => {
    const html = full;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/src="http/i);
    expect(html).not.toMatch(/url\((?!#)/i); // only in-document references such as clip paths
    expect(outsideSvg(html)).not.toMatch(/https?:/);
    expect(html).toContain('<style>');
    expect(html).toMatch(/@media print/);
    expect(html).toMatch(/break-before:\s*page/);
    expect(html).toMatch(/break-inside:\s*avoid/);
  });

  it('renders every figure inline with an accessible label, title and caption', () => {
    const html = full;
    const ids = [
      'clusters',
      'segment-profiles',
      'prediction',
      'feature-importance',
      'correlation',
      'savings',
      'drift',
    ];
    for (const id of ids) expect(html).toContain(`id="fig-${id}"`);
    expect(html.match(/<div class="chart-svg" role="img" aria-label="[^"]+"/g)).toHaveLength(ids.length);
    expect(html.match(/<svg /g)).toHaveLength(ids.length);
    expect(html.match(/<figcaption>/g)).toHaveLength(ids.length);
  });

  it('uses one h1, section h2s and scoped table headers', () => {
    const html = full;
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    for (const s of ['summary', 'segments', 'prediction', 'data', 'drift', 'notes']) {
      expect(html).toContain(`<section id="${s}" aria-labelledby="${s}-title">`);
    }
    expect(html).not.toMatch(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/);
  });

  it('shows only the selected metrics and figures, omitting empty sections', async () => {
    const html = await renderReportHtml(model, { metrics: ['rmse', 'r2'], figures: ['clusters'] });
    expect(html).toContain('>RMSE</abbr>');
    expect(html).toContain('>R²</abbr>');
    expect(html).not.toContain('>MSE</abbr>');
    expect(html).not.toContain('>MAE</abbr>');
    expect(html).toContain('id="fig-clusters"');
    expect(html).not.toContain('id="fig-prediction"');
    expect(html).not.toContain('id="fig-drift"');
    expect(html).not.toContain('<section id="data"');
    expect(html).not.toContain('<section id="drift"');
  });

  it('removes the metrics table when no metric is selected (no rows of zeros)', async () => {
    const html = await renderReportHtml(model, { metrics: [], figures: [] });
    expect(html).not.toContain('Model quality');
    expect(html).not.toMatch(/<abbr/);
    expect(html).not.toContain('<section id="prediction"');
  });

  it('omits figures whose data is missing, with a note, without failing', async () => {
    const sparse: ReportModel = { ...model, drift: undefined, predictions: [], featureImportance: undefined };
    const html = await renderReportHtml(sparse);
    expect(html).not.toContain('id="fig-drift"');
    expect(html).not.toContain('id="fig-prediction"');
    expect(html).toContain('no baseline has been saved yet');
    expect(html).toContain('no out-of-fold predictions');
    expect(html).toContain('id="fig-clusters"');
  });

  it('escapes every piece of text that comes from customer data', async () => {
    const evil = '<script>alert("x")</script>';
    const hostile: ReportModel = {
      ...model,
      title: `Report ${evil}`,
      tenantName: `Acme & <b>Co</b>`,
      segments: model.segments.map((s, i) =>
        i === 0
          ? {
              ...s,
              label: `Seg ${evil}`,
              recommendedAction: evil,
              categoryHighlights: [
                { feature: 'Profession', value: `<img src=x onerror=alert(1)>`, share: 0.5 },
              ],
              recommendations: [{ title: evil, rationale: `"quoted" 'single'` }],
            }
          : s,
      ),
      clusterPoints: model.clusterPoints!.map((p) =>
        p.segmentLabel === model.segments[0].label ? { ...p, segmentLabel: `Seg ${evil}` } : p,
      ),
      notes: [{ level: 'warning', text: evil }],
    };
    const html = await renderReportHtml(hostile);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>Co</b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Acme &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(html).toContain('&quot;quoted&quot; &#39;single&#39;');
  });
});
