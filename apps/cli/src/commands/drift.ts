import {
  AppError,
  checkTenantDrift,
  compareCustomerFiles,
  saveTenantBaseline,
  type DriftReportDocument,
} from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import { resolveTenant } from '../resolve-tenant.js';

interface DriftOptions {
  reference?: string;
  current?: string;
  saveBaseline: boolean;
}

/** `cohortlens drift`: compares two files, or the tenant's customers with its saved baseline. */
export const driftCommand = defineCommand<DriftOptions>({
  name: 'drift',
  summary: 'Test whether customers drifted from a reference (KS, χ², Z, Wasserstein, Jensen–Shannon, PSI)',
  description:
    'Chooses a test per column as Evidently does by default (KS / chi-square / Z-test for references of up to 1,000 ' +
    'rows, Wasserstein / Jensen–Shannon distances above), reports an effect size beside every p-value and PSI for ' +
    'numeric columns, and flags dataset drift when at least half the columns drift. The customer id is never tested.',
  examples: [
    {
      command: 'cohortlens drift --reference january.csv --current february.csv --json',
      explanation: 'compare two files',
    },
    {
      command: 'cohortlens drift --save-baseline',
      explanation: 'remember the tenant’s current customers as the baseline',
    },
    { command: 'cohortlens drift', explanation: 'compare the tenant’s customers with its baseline' },
  ],
  configure: (c) => {
    c.option('--reference <file>', 'reference CSV (with --current)')
      .option('--current <file>', 'current CSV (with --reference)')
      .option('--save-baseline', 'save the tenant’s current customers as the new baseline', false);
  },
  run: async ({ options, deps }) => {
    if (options.reference !== undefined || options.current !== undefined) {
      if (options.reference === undefined || options.current === undefined) {
        throw new AppError('CLI_USAGE', 'invalid_input', '--reference and --current go together');
      }
      const result = await compareCustomerFiles(deps.config, options.reference, options.current);
      return { data: result, human: humanSummary(result) };
    }
    const db = await deps.db();
    const tenant = await resolveTenant(deps, options.tenant);
    if (options.saveBaseline) {
      const saved = await saveTenantBaseline(db, tenant, deps.config);
      return {
        data: { baseline: saved },
        human: `Saved a drift baseline of ${saved.rowCount.toLocaleString('en-US')} customers (${saved.id}).`,
      };
    }
    const result = await checkTenantDrift(db, tenant, deps.config);
    return {
      data: result,
      human: `Against the baseline of ${result.baseline.createdAt.slice(0, 10)}:\n${humanSummary(result)}`,
    };
  },
});

function humanSummary(r: DriftReportDocument): string {
  const lines = [
    `${r.number_of_drifted_columns} of ${r.number_of_columns} columns drifted (${(r.drift_share * 100).toFixed(0)}%): ` +
      (r.dataset_drift ? 'DATASET DRIFT.' : 'no dataset drift.'),
  ];
  for (const [name, f] of Object.entries(r.features)) {
    const p = f.p_value === null ? '' : `  p=${f.p_value.toPrecision(3)}`;
    lines.push(
      `  ${f.drift ? 'DRIFT ' : 'stable'}  ${name.padEnd(16)} ${f.test.padEnd(14)} stat=${f.statistic.toPrecision(4)}${p}  ` +
        `${f.effect_size_name}=${f.effect_size.toPrecision(3)}` +
        (f.psi === null ? '' : `  PSI=${f.psi.toFixed(3)} (${f.psi_band})`),
    );
  }
  return lines.join('\n');
}
