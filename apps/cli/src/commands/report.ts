import { runPipeline } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import {
  addReportOptions,
  pipelineDocument,
  pipelineHuman,
  reportTargets,
  stepPrinter,
  type ReportCliOptions,
} from '../pipeline-output.js';
import { resolveTenant } from '../resolve-tenant.js';

/** `cohortlens report`: an executive report of the tenant's customers as they are now. */
export const reportCommand = defineCommand<ReportCliOptions>({
  name: 'report',
  summary: 'Write an executive report of the tenant’s customers (HTML, PDF or both)',
  description:
    'Analyses the tenant’s stored customers afresh (segments, model metrics from cross-validation, explanations, ' +
    'correlations, savings, drift against the baseline) and writes the report, without saving a new run. Metrics ' +
    'and figures are selectable by name; an unknown name is an error.',
  examples: [
    { command: 'cohortlens report --format pdf', explanation: 'a PDF report of the default tenant' },
    {
      command: 'cohortlens report --metrics r2,mae --figures clusters,feature_importance --format html',
      explanation: 'only two metrics and two figures',
    },
  ],
  configure: (c) => addReportOptions(c),
  run: async ({ options, deps, io }) => {
    const result = await runPipeline(deps.config, {
      source: { kind: 'tenant', db: await deps.db(), tenant: await resolveTenant(deps, options.tenant) },
      persist: false,
      ...reportTargets(deps.config, options),
      onStep: stepPrinter(io),
    });
    return { data: pipelineDocument(result), human: pipelineHuman(result) };
  },
});
