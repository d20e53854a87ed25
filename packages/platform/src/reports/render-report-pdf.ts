import type SVGtoPDFFunction from 'svg-to-pdfkit';
import { SEGMENT_PALETTE } from './charts/chart-theme.js';
import { DRIFT_TEST_LABELS } from './charts/drift-spec.js';
import { pdfSafeText as t } from './pdf-text.js';
import {
  prepareReport,
  type PreparedFigure,
  type PreparedReport,
  type ReportRenderOptions,
} from './prepare-report.js';
import {
  formatCurrency,
  formatDecimal,
  formatInteger,
  formatMetric,
  formatPercent,
  formatPValue,
  formatReportDate,
  humanizeIdentifier,
  effectLabel,
  driftCount,
  METRIC_LABELS,
} from './report-format.js';
import type { ReportFigureName, ReportModel, ReportSegmentProfile } from './report-model.js';

/** PDF-only options on top of the shared selection. */
export interface ReportPdfOptions extends ReportRenderOptions {
  /** Compress page streams (default true); tests turn it off to inspect the raw PDF. */
  compress?: boolean;
}

type Doc = PDFKit.PDFDocument;

const NAVY = '#1f3a5f';
const INK = '#1f2933';
const MUTED = '#616e7c';
const LINE = '#d9dee3';
const WARN = '#b54708';
const MARGIN = { top: 64, bottom: 60, left: 56, right: 56 };

/**
 * Renders the report as an A4 PDF with pdfkit: title page, one page-starting section per topic,
 * tables for profiles, metrics and drift, vector charts (svg-to-pdfkit), "Page n of m" footers and
 * document metadata. Standard Helvetica fonts only: no browser, no font download.
 */
export async function renderReportPdf(report: ReportModel, options: ReportPdfOptions = {}): Promise<Buffer> {
  const prepared = await prepareReport(report, options);
  return renderPreparedReportPdf(prepared, options.compress ?? true);
}

/** pdfkit (with its fonts) loads on first use: most commands never write a PDF. */
let pdfLibraries:
  Promise<{ PDFDocument: typeof import('pdfkit'); svgToPdf: typeof SVGtoPDFFunction }> | undefined;
const loadPdfLibraries = () =>
  (pdfLibraries ??= Promise.all([import('pdfkit'), import('svg-to-pdfkit')]).then(([pdfkit, svg]) => ({
    PDFDocument: pdfkit.default,
    svgToPdf: svg.default,
  })));

/** Lays out an already prepared report (see `prepareReport`) as PDF bytes. */
export async function renderPreparedReportPdf(p: PreparedReport, compress = true): Promise<Buffer> {
  const { PDFDocument, svgToPdf } = await loadPdfLibraries();
  const m = p.model;
  const created = new Date(m.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    compress,
    info: {
      Title: t(m.title),
      Author: 'CohortLens',
      Subject: t(`Executive report for ${m.tenantName}`),
      Creator: 'CohortLens',
      ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const w = new PdfWriter(doc, svgToPdf);
  titlePage(w, p);
  const fig = (name: ReportFigureName) => p.figures.find((f) => f.name === name);

  const segFigs = [fig('clusters'), fig('segment_profiles')].filter(isFigure);
  if (m.segments.length > 0 || segFigs.length > 0) {
    w.section('Customer segments');
    segFigs.forEach((f) => w.figure(f));
    if (m.segments.length > 0) {
      w.table(
        [
          { header: 'Segment', width: 150 },
          { header: 'Customers', width: 62, align: 'right' },
          { header: 'Share', width: 50, align: 'right' },
          { header: 'Mean age', width: 55, align: 'right' },
          { header: 'Mean income', width: 80, align: 'right' },
          { header: 'Mean spending', width: 86, align: 'right' },
        ],
        m.segments.map((s) => [
          s.label,
          formatInteger(s.size),
          formatPercent(s.share),
          formatDecimal(s.means.age, 1),
          formatCurrency(s.means.annualIncome),
          formatDecimal(s.means.spendingScore, 1),
        ]),
        { caption: 'Segment profiles', swatches: m.segments.map((_, i) => color(i)) },
      );
      m.segments.forEach((s, i) => segmentCard(w, s, i));
    }
  }

  const predFigs = [fig('prediction'), fig('feature_importance')].filter(isFigure);
  if (p.metricRows.length > 0 || predFigs.length > 0) {
    w.section('Spending prediction');
    metricsTable(w, p);
    predFigs.forEach((f) => w.figure(f));
  }

  const dataFigs = [fig('correlation'), fig('savings')].filter(isFigure);
  if (dataFigs.length > 0) {
    w.section('Customer data patterns');
    dataFigs.forEach((f) => w.figure(f));
  }

  const drift = fig('drift');
  if (drift && m.drift) {
    w.section('Data drift');
    driftTable(w, p);
    w.figure(drift);
  }

  if (p.notes.length > 0) {
    w.section('Notes and warnings');
    for (const n of p.notes)
      w.bullet(`${n.level === 'warning' ? 'Warning: ' : ''}${n.text}`, n.level === 'warning' ? WARN : INK);
  }

  headersAndFooters(doc, m);
  doc.end();
  return done;
}

const isFigure = (f: PreparedFigure | undefined): f is PreparedFigure => f !== undefined;
const color = (i: number) => SEGMENT_PALETTE[i % SEGMENT_PALETTE.length];

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

/** Small flow-layout helper over pdfkit: keeps blocks together and breaks pages before overflow. */
class PdfWriter {
  readonly titlePage: PDFKit.PDFPage;
  constructor(
    readonly doc: Doc,
    private readonly svgToPdf: typeof SVGtoPDFFunction,
  ) {
    this.titlePage = doc.page;
  }

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Starts a new page unless `height` still fits below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Starts a section: on a new page unless the current one is mostly free (no half-empty pages). */
  section(title: string): void {
    if (this.doc.y + 320 > this.bottom || this.doc.page === this.titlePage) this.doc.addPage();
    else this.doc.y += 18;
    this.doc.font('Helvetica-Bold').fontSize(18).fillColor(NAVY).text(t(title), this.left, this.doc.y);
    const y = this.doc.y + 2;
    this.doc
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(1.5)
      .strokeColor('#4e79a7')
      .stroke();
    this.doc.y = y + 12;
  }

  heading(title: string, size = 13): void {
    this.ensure(size * 4);
    this.doc
      .font('Helvetica-Bold')
      .fontSize(size)
      .fillColor(INK)
      .text(t(title), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, opts: { size?: number; color?: string; font?: string } = {}): void {
    const size = opts.size ?? 10.5;
    this.doc.font(opts.font ?? 'Helvetica').fontSize(size);
    this.ensure(this.doc.heightOfString(t(text), { width: this.width }) + 4);
    this.doc
      .fillColor(opts.color ?? INK)
      .text(t(text), this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.moveDown(0.4);
  }

  bullet(text: string, colour = INK, indent = 0): void {
    const x = this.left + indent;
    const width = this.width - indent - 12;
    this.doc.font('Helvetica').fontSize(10.5);
    const h = this.doc.heightOfString(t(text), { width, lineGap: 1.5 });
    this.ensure(h + 4);
    const y = this.doc.y;
    this.doc.circle(x + 3, y + 5, 1.8).fill(colour);
    this.doc.fillColor(colour).text(t(text), x + 12, y, { width, lineGap: 1.5 });
    this.doc.moveDown(0.25);
  }

  /** A chart with its title and caption, kept on one page and scaled to the text width. */
  figure(f: PreparedFigure): void {
    const scale = Math.min(1, this.width / Math.max(1, f.width));
    const w = f.width * scale;
    const h = f.height * scale;
    this.doc.font('Helvetica-Oblique').fontSize(9);
    const captionH = this.doc.heightOfString(t(f.caption), { width: this.width });
    this.ensure(22 + h + captionH + 16);
    this.doc.moveDown(0.4);
    this.heading(f.title, 12);
    const y = this.doc.y;
    const x = this.left + (this.width - w) / 2;
    this.svgToPdf(this.doc, f.svg, x, y, {
      width: w,
      height: h,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family, bold) => (bold ? 'Helvetica-Bold' : 'Helvetica'),
    });
    this.doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor(MUTED)
      .text(t(f.caption), this.left, y + h + 4, {
        width: this.width,
      });
    this.doc.moveDown(0.8);
  }

  /** A table with a shaded header row, repeated after page breaks; rows never split. */
  table(columns: Column[], rows: string[][], opts: { caption?: string; swatches?: string[] } = {}): void {
    const doc = this.doc;
    const pad = 4;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const k = this.width / total;
    const cols = columns.map((c) => ({ ...c, width: c.width * k }));
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(9.5);
      return (
        Math.max(
          ...cells.map((c, i) =>
            doc.heightOfString(t(c), {
              width: cols[i].width - 2 * pad - (i === 0 && opts.swatches ? 12 : 0),
            }),
          ),
        ) +
        2 * pad
      );
    };
    const headerH = rowHeight(
      cols.map((c) => c.header),
      'Helvetica-Bold',
    );
    const drawHeader = () => {
      const y = doc.y;
      doc.rect(this.left, y, this.width, headerH).fill('#eef2f6');
      let x = this.left;
      doc.font('Helvetica-Bold').fontSize(9.5).fillColor(INK);
      for (const c of cols) {
        doc.text(t(c.header), x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      }
      doc
        .moveTo(this.left, y + headerH)
        .lineTo(this.left + this.width, y + headerH)
        .lineWidth(1)
        .strokeColor('#c4ccd4')
        .stroke();
      doc.y = y + headerH;
    };
    const firstH = rows.length > 0 ? rowHeight(rows[0], 'Helvetica') : 0;
    this.ensure((opts.caption ? 16 : 0) + headerH + firstH);
    if (opts.caption) {
      doc
        .font('Helvetica-Bold')
        .fontSize(10)
        .fillColor(MUTED)
        .text(t(opts.caption), this.left, doc.y + 4);
      doc.moveDown(0.2);
    }
    drawHeader();
    rows.forEach((cells, r) => {
      const h = rowHeight(cells, 'Helvetica');
      if (doc.y + h > this.bottom) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      let x = this.left;
      doc.font('Helvetica').fontSize(9.5).fillColor(INK);
      cells.forEach((cell, i) => {
        let tx = x + pad;
        let tw = cols[i].width - 2 * pad;
        if (i === 0 && opts.swatches) {
          doc.rect(tx, y + pad + 1.5, 8, 8).fill(opts.swatches[r]);
          doc.fillColor(INK);
          tx += 12;
          tw -= 12;
        }
        doc.text(t(cell), tx, y + pad, { width: tw, align: cols[i].align ?? 'left' });
        x += cols[i].width;
      });
      doc
        .moveTo(this.left, y + h)
        .lineTo(this.left + this.width, y + h)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke();
      doc.y = y + h;
    });
    doc.x = this.left;
    doc.moveDown(0.8);
  }
}

function titlePage(w: PdfWriter, p: PreparedReport): void {
  const { doc } = w;
  const m = p.model;
  doc.rect(0, 0, doc.page.width, 230).fill(NAVY);
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor('#c9d6e3')
    .text('COHORTLENS', w.left, 70, { characterSpacing: 2 });
  doc.font('Helvetica-Bold').fontSize(28).fillColor('white').text(t(m.title), w.left, 96, { width: w.width });
  doc
    .font('Helvetica')
    .fontSize(13)
    .fillColor('#e6edf3')
    .text(t(m.tenantName), w.left, doc.y + 8, { width: w.width });
  doc.fontSize(11).text(t(`Generated ${formatReportDate(m.generatedAt)}`), { width: w.width });
  doc.y = 260;

  // Key figures as a row of boxes.
  const d = m.dataSummary;
  const s = m.segmentation;
  const r2 = m.modelMetrics?.crossValidation.r2;
  const kpis: [string, string][] = [
    ['Customers analysed', formatInteger(d.rowsUsed)],
    ['Segments', formatInteger(s?.k ?? m.segments.length)],
  ];
  if (s?.silhouette != null) kpis.push(['Silhouette', formatDecimal(s.silhouette, 2)]);
  if (r2 && p.selection.metrics.includes('r2')) kpis.push(['Prediction R² (CV)', formatDecimal(r2.mean, 2)]);
  if (m.drift)
    kpis.push([
      'Drifted features',
      `${m.drift.features.filter((f) => f.drifted).length} of ${m.drift.features.length}`,
    ]);
  const gap = 10;
  const boxW = (w.width - gap * (kpis.length - 1)) / kpis.length;
  kpis.forEach(([label, value], i) => {
    const x = w.left + i * (boxW + gap);
    doc.roundedRect(x, 260, boxW, 68, 4).lineWidth(1).fillAndStroke('#fafbfc', LINE);
    doc
      .font('Helvetica-Bold')
      .fontSize(20)
      .fillColor(NAVY)
      .text(t(value), x + 10, 270, { width: boxW - 20, lineBreak: false });
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor(MUTED)
      .text(t(label), x + 10, 297, { width: boxW - 20, height: 26 });
  });
  doc.y = 350;

  const warnings = p.notes.filter((n) => n.level === 'warning');
  if (warnings.length > 0) {
    w.heading('Warnings', 12);
    warnings.forEach((n) => w.bullet(n.text, WARN));
    doc.moveDown(0.4);
  }

  const rows: string[][] = [
    ['Rows read', formatInteger(d.rowsRead)],
    ['Rows used', formatInteger(d.rowsUsed)],
    ['Rows rejected', formatInteger(d.rowsRejected)],
    ['Features used', d.featuresUsed.join(', ') || '-'],
  ];
  if (s) {
    rows.push(['Segmentation algorithm', humanizeIdentifier(s.algorithm)]);
    rows.push(['Number of segments (k)', formatInteger(s.k)]);
    rows.push(['Silhouette score', s.silhouette === null ? 'not available' : formatDecimal(s.silhouette, 3)]);
    rows.push(['How k was chosen', s.kSelection]);
  }
  w.table(
    [
      { header: 'Data and method', width: 150 },
      { header: '', width: 333 },
    ],
    rows,
  );
  if (s && s.disagreementNotes.length > 0) {
    w.heading('Where the methods disagreed', 12);
    s.disagreementNotes.forEach((n) => w.bullet(n));
  }
}

function segmentCard(w: PdfWriter, s: ReportSegmentProfile, i: number): void {
  const { doc } = w;
  const lines: { text: string; font: string; size: number; color: string; indent: number }[] = [
    { text: s.label, font: 'Helvetica-Bold', size: 12, color: INK, indent: 0 },
    {
      text: `Recommended action: ${s.recommendedAction}`,
      font: 'Helvetica-Bold',
      size: 10,
      color: INK,
      indent: 0,
    },
  ];
  if (s.categoryHighlights.length > 0) {
    const hl = s.categoryHighlights
      .map(
        (h) =>
          `${h.feature}: ${h.value} ${formatPercent(h.share, 0)}${h.overallShare === undefined ? '' : ` (vs ${formatPercent(h.overallShare, 0)} overall)`}`,
      )
      .join('; ');
    lines.push({ text: `Stands out: ${hl}`, font: 'Helvetica', size: 9.5, color: INK, indent: 0 });
  }
  for (const r of s.recommendations) {
    lines.push({
      text: `• ${r.title} - ${r.rationale}`,
      font: 'Helvetica',
      size: 9.5,
      color: INK,
      indent: 6,
    });
  }
  const meta = `   Segment ${s.id} · ${formatInteger(s.size)} customers (${formatPercent(s.share)})`;
  const innerW = w.width - 16;
  const labelWidth = doc.font('Helvetica-Bold').fontSize(12).widthOfString(t(s.label));
  const metaInline = labelWidth + doc.font('Helvetica').fontSize(9).widthOfString(t(meta)) <= innerW;
  if (!metaInline)
    lines.splice(1, 0, { text: meta.trim(), font: 'Helvetica', size: 9, color: MUTED, indent: 0 });
  const heights = lines.map((l) => {
    doc.font(l.font).fontSize(l.size);
    return doc.heightOfString(t(l.text), { width: innerW - l.indent, lineGap: 1 }) + 3;
  });
  const total = heights.reduce((a, b) => a + b, 0) + 14;
  w.ensure(total + 8);
  const y0 = doc.y;
  doc.rect(w.left, y0, w.width, total).lineWidth(0.75).strokeColor(LINE).stroke();
  doc.rect(w.left, y0, 5, total).fill(color(i));
  let y = y0 + 7;
  lines.forEach((l, k) => {
    doc
      .font(l.font)
      .fontSize(l.size)
      .fillColor(l.color)
      .text(t(l.text), w.left + 14 + l.indent, y, {
        width: innerW - l.indent,
        lineGap: 1,
      });
    if (k === 0 && metaInline) {
      // The segment's size sits on the title line, in small grey type.
      doc.font('Helvetica').fontSize(9).fillColor(MUTED);
      doc.text(t(meta), w.left + 14 + labelWidth, y + 2.5, { lineBreak: false });
    }
    y += heights[k];
  });
  doc.x = w.left;
  doc.y = y0 + total + 8;
}

function metricsTable(w: PdfWriter, p: PreparedReport): void {
  const mm = p.model.modelMetrics;
  if (!mm || p.metricRows.length === 0) return;
  w.paragraph(
    `${humanizeIdentifier(mm.algorithm)} model predicting ${mm.target}, evaluated with ${formatInteger(mm.folds)}-fold cross-validation${mm.holdout ? ` and a holdout set of ${formatInteger(mm.holdout.size)} customers` : ''}.`,
  );
  const hasHoldout = p.metricRows.some((r) => r.holdout !== undefined);
  w.table(
    [
      { header: 'Metric', width: 170 },
      { header: 'Mean (CV)', width: 70, align: 'right' },
      { header: '± Std', width: 60, align: 'right' },
      { header: 'Fold range', width: 110, align: 'right' },
      ...(hasHoldout ? [{ header: 'Holdout', width: 70, align: 'right' as const }] : []),
    ],
    p.metricRows.map((r) => [
      `${METRIC_LABELS[r.name].short} (${METRIC_LABELS[r.name].long.toLowerCase()})`,
      formatMetric(r.name, r.mean),
      formatMetric(r.name, r.std),
      `${formatMetric(r.name, r.min)} – ${formatMetric(r.name, r.max)}`,
      ...(hasHoldout ? [r.holdout === undefined ? '-' : formatMetric(r.name, r.holdout)] : []),
    ]),
    { caption: 'Model quality' },
  );
}

function driftTable(w: PdfWriter, p: PreparedReport): void {
  const d = p.model.drift;
  if (!d) return;
  w.paragraph(
    d.datasetDrift
      ? `Dataset drift detected: ${driftCount(d)} drifted against the baseline. Re-check segments and retrain before acting on predictions.`
      : `No dataset drift: ${driftCount(d)} drifted against the baseline, too few to flag the dataset as a whole.`,
    { font: 'Helvetica-Bold', color: d.datasetDrift ? WARN : INK },
  );
  w.table(
    [
      { header: 'Feature', width: 150 },
      { header: 'Test', width: 50 },
      { header: 'Statistic', width: 65, align: 'right' },
      { header: 'p-value', width: 65, align: 'right' },
      { header: 'Effect size', width: 90, align: 'right' },
      { header: 'Drift', width: 63 },
    ],
    d.features.map((f) => [
      f.feature,
      DRIFT_TEST_LABELS[f.test.toLowerCase()] ?? f.test,
      formatDecimal(f.statistic, Math.abs(f.statistic) >= 10 ? 1 : 3),
      formatPValue(f.pValue).replace('—', '-'),
      f.effectSize === null
        ? '-'
        : `${formatDecimal(f.effectSize, 3)}${f.effectSizeName ? ` (${effectLabel(f.effectSizeName)})` : ''}`,
      f.drifted ? 'Drifted' : 'Stable',
    ]),
    { caption: d.baselineLabel },
  );
}

/** Running header on every page but the title page, and "Page n of m" on every page. */
function headersAndFooters(doc: Doc, m: ReportModel): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    // Writing into the margins must not trigger pdfkit's automatic page break.
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    if (i > range.start) {
      doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
      doc.text(t(`${m.title} · ${m.tenantName}`), MARGIN.left, 32, {
        width,
        lineBreak: false,
        ellipsis: true,
      });
      doc
        .moveTo(MARGIN.left, 46)
        .lineTo(MARGIN.left + width, 46)
        .lineWidth(0.5)
        .strokeColor(LINE)
        .stroke();
    }
    const fy = doc.page.height - 38;
    doc
      .moveTo(MARGIN.left, fy - 8)
      .lineTo(MARGIN.left + width, fy - 8)
      .lineWidth(0.5)
      .strokeColor(LINE)
      .stroke();
    doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
    doc.text(t(`Generated ${formatReportDate(m.generatedAt)}`), MARGIN.left, fy, {
      width: width / 2,
      lineBreak: false,
    });
    doc.text(`Page ${i - range.start + 1} of ${total}`, MARGIN.left + width / 2, fy, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = saved;
  }
}
