import type * as Vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { AppError } from '../../errors/app-error.js';
import { helveticaTextWidth } from './helvetica-metrics.js';

interface VegaTextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}
interface VegaTextMetrics {
  width: (item: VegaTextItem, text: unknown) => number;
}

/**
 * vega and vega-lite are loaded on first use: they are hundreds of modules, and most commands
 * (imports, the API's JSON routes) never draw a chart.
 */
let renderer: Promise<{ vega: typeof Vega; compile: typeof import('vega-lite').compile }> | undefined;
function loadRenderer() {
  renderer ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => {
    installTextMetrics(vega);
    return { vega, compile: vegaLite.compile };
  });
  return renderer;
}

// Without the \`canvas\` package vega estimates every glyph as 0.8 em, which over-pads axes and
// makes label-overlap removal drop labels that would fit. Measure with Helvetica's real widths.
// This replaces a process-wide vega hook; it only affects server-side rendering.
// Vega expects the width of the *displayed* text: a label longer than its \`limit\` is drawn
// truncated, so its width is capped at the limit (vega's own truncation search still works, as it
// only compares widths against the limit).
function installTextMetrics(vega: typeof Vega): void {
  const textMetrics = (vega as unknown as { textMetrics: VegaTextMetrics }).textMetrics;
  textMetrics.width = (item, text) => {
    const value = (Array.isArray(text) ? text.join(' ') : text == null ? '' : String(text)).trim();
    const weight = item.fontWeight;
    const bold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
    const width = helveticaTextWidth(value, item.fontSize ?? 11, bold);
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

const NUMBER_LOCALE = { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-' };

/**
 * Compiles a Vega-Lite spec and renders it to a standalone SVG string on the server (headless
 * view, no canvas, no network: data must be inline, else `REPORT_CHART_RENDER_FAILED`). Vector output, so no dpi applies; the
 * `reporting.dpi` setting is for raster exports only (PNG pixel size = inches × dpi).
 */
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, compile } = await loadRenderer();
  let compiled: Vega.Spec;
  try {
    compiled = compile(spec).spec;
  } catch (cause) {
    throw new AppError(
      'REPORT_CHART_RENDER_FAILED',
      'internal',
      'A chart specification could not be compiled.',
      {
        cause,
      },
    );
  }
  if (compiled.data?.some((d) => 'url' in d)) {
    throw new AppError(
      'REPORT_CHART_RENDER_FAILED',
      'internal',
      'Chart data must be inline; data.url is not allowed.',
    );
  }
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    // ASCII minus: d3's default U+2212 is missing from the PDF's standard (WinAnsi) fonts.
    // (vega-view reads `{ number, time }` definitions here; its typings say formatters.)
    locale: { number: NUMBER_LOCALE } as unknown as Vega.LocaleFormatters,
    // Inline data only: refuse to fetch anything a spec might point at.
    loader: {
      load: () => Promise.reject(new Error('Chart data must be inline')),
      sanitize: () => Promise.reject(new Error('Chart data must be inline')),
      http: () => Promise.reject(new Error('Chart data must be inline')),
      file: () => Promise.reject(new Error('Chart data must be inline')),
    } as unknown as Vega.Loader,
  });
  try {
    return compactSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Rounds translate() coordinates to 0.01 px: vega prints 16 digits, which triples scatter size. */
function compactSvg(svg: string): string {
  return svg.replace(
    /translate\(([-\d.e]+),([-\d.e]+)\)/g,
    (_, x: string, y: string) => `translate(${round2(x)},${round2(y)})`,
  );
}

const round2 = (v: string) => String(Math.round(Number(v) * 100) / 100);
