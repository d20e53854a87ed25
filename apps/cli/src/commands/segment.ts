import { writeFile } from 'node:fs/promises';
import { runSegmentation, segmentCustomerFile, type SegmentFileResult } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import {
  addDataOption,
  addSeedOption,
  addSegmentationOptions,
  segmentationOverrides,
  type AnalysisCliOptions,
} from '../analysis-options.js';
import { resolveTenant } from '../resolve-tenant.js';

interface SegmentOptions extends AnalysisCliOptions {
  labelsOut?: string;
}

/** `cohortlens segment`: segments a file (no database) or the tenant's customers (persisted run). */
export const segmentCommand = defineCommand<SegmentOptions>({
  name: 'segment',
  summary: 'Segment customers (k-means, Gaussian mixture or DBSCAN; automatic k)',
  description:
    'Scales the segmentation features, chooses k by silhouette (reporting the elbow and BIC views too) unless --k is ' +
    'given, fits the algorithm and describes every segment with a plain-language label and recommendations. With ' +
    '--data the file is analysed without a database; otherwise the tenant’s stored customers are segmented and the ' +
    'run is saved as the active one.',
  examples: [
    {
      command: 'cohortlens segment --data ../shared/data/Customers.csv',
      explanation: 'segment a file, k chosen automatically',
    },
    {
      command: 'cohortlens segment --data customers.csv --algorithm gmm --k 5 --labels-out labels.csv --json',
      explanation: 'five Gaussian-mixture segments; write customer_id,segment for every row used',
    },
    {
      command: 'cohortlens segment --algorithm dbscan',
      explanation: 'segment the default tenant’s customers with DBSCAN',
    },
  ],
  configure: (c) => {
    addDataOption(c);
    addSegmentationOptions(c);
    addSeedOption(c);
    c.option(
      '--labels-out <file>',
      'write customer_id,segment for every row used, in input order (with --data)',
    );
  },
  run: async ({ options, deps }) => {
    const overrides = segmentationOverrides(options);
    if (options.data === undefined) {
      const db = await deps.db();
      const tenant = await resolveTenant(deps, options.tenant);
      const result = await runSegmentation(db, tenant, deps.config, overrides);
      return { data: result, human: `${humanSummary(result)}\nSaved as run ${result.runId} (now active).` };
    }
    const result = await segmentCustomerFile(deps.config, options.data, overrides);
    if (options.labelsOut) {
      const lines = [
        'customer_id,segment',
        ...result.assignments.map((a) => `${csvCell(a.customerId)},${a.segment}`),
      ];
      await writeFile(options.labelsOut, `${lines.join('\n')}\n`);
    }
    const { assignments: _assignments, ...document } = result;
    const human =
      humanSummary(result) + (options.labelsOut ? `\nLabels written to ${options.labelsOut}.` : '');
    return { data: document, human };
  },
});

function humanSummary(r: Omit<SegmentFileResult, 'assignments' | 'rowsRead' | 'rowsRejected'>): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const lines = [
    `${r.algorithm}: ${r.k} segments from ${r.rowsUsed.toLocaleString('en-US')} customers` +
      (r.silhouette === null ? '' : `, silhouette ${r.silhouette.toFixed(3)}`) +
      ` (${r.kSelection.summary}).`,
  ];
  if (r.kSelection.disagreement) lines.push(`Note: ${r.kSelection.disagreement}`);
  for (const p of r.profiles) {
    const m = p.means;
    lines.push(
      `  ${String(p.segment).padStart(2)}  ${p.label.padEnd(40)} ${String(p.size).padStart(7)}  ${pct(p.share).padStart(6)}` +
        `  age ${fmt(m.age)}  income ${fmt(m.annual_income)}  spending ${fmt(m.spending_score)}`,
    );
    if (p.action) lines.push(`      → ${p.action}`);
  }
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return lines.join('\n');
}

const fmt = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US');
const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
