import { runPipeline, type SpendingAlgorithmName } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import {
  addDataOption,
  addSeedOption,
  addSegmentationOptions,
  modelOverrides,
  parseModelAlgorithm,
  segmentationOverrides,
  type AnalysisCliOptions,
} from '../analysis-options.js';
import {
  addReportOptions,
  pipelineDocument,
  pipelineHuman,
  reportTargets,
  stepPrinter,
  type ReportCliOptions,
} from '../pipeline-output.js';
import { resolveTenant } from '../resolve-tenant.js';

interface RunOptions extends AnalysisCliOptions, ReportCliOptions {
  modelAlgorithm?: SpendingAlgorithmName;
}

/** `cohortlens run`: the main job, from customers to an executive report. */
export const runCommand = defineCommand<RunOptions>({
  name: 'run',
  summary: 'Run the main job: segment, train, explain, recommend and write the executive report',
  description:
    'Loads customers (a file with --data, or the tenant’s stored customers), segments them with automatic k, trains ' +
    'and cross-validates the spending model, explains it globally, computes correlations, savings and segment ' +
    'recommendations, checks drift against the tenant’s baseline, saves the run and the model version (tenant mode) ' +
    'and writes the executive report as HTML, PDF or both.',
  examples: [
    {
      command: 'cohortlens run --data ../shared/data/Customers.csv --output reports --format both',
      explanation: 'the whole job on a file, no database needed',
    },
    {
      command: 'cohortlens run --format pdf',
      explanation: 'the whole job on the default tenant’s customers',
    },
  ],
  configure: (c) => {
    addDataOption(c);
    addSegmentationOptions(c);
    c.option('--model-algorithm <name>', 'linear | random_forest | gradient_boosting', parseModelAlgorithm);
    addSeedOption(c);
    addReportOptions(c);
  },
  run: async ({ options, deps, io }) => {
    const common = {
      ...segmentationOverrides(options),
      ...modelOverrides(options, options.modelAlgorithm),
      ...reportTargets(deps.config, options),
      onStep: stepPrinter(io),
    };
    const result =
      options.data !== undefined
        ? await runPipeline(deps.config, { ...common, source: { kind: 'file', path: options.data } })
        : await runPipeline(deps.config, {
            ...common,
            source: {
              kind: 'tenant',
              db: await deps.db(),
              tenant: await resolveTenant(deps, options.tenant),
            },
          });
    return { data: pipelineDocument(result), human: pipelineHuman(result) };
  },
});
