import { runQuickstart } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import { pipelineDocument, pipelineHuman, stepPrinter } from '../pipeline-output.js';

/** `cohortlens quickstart` (what `npm start` runs): sample data the first time, then the main job. */
export const quickstartCommand = defineCommand({
  name: 'quickstart',
  summary:
    'First run on a laptop: sample customers if the database is empty, then the main job and its report',
  description:
    'Migrates the embedded database, creates the default tenant, generates and imports 2,000 realistic sample ' +
    'customers when the tenant has none, runs the main job on them (segments, model, explanations, report in HTML ' +
    'and PDF) and saves a drift baseline, so the next run also reports drift.',
  examples: [{ command: 'npm start', explanation: 'the same as cohortlens quickstart' }],
  run: async ({ deps, io }) => {
    const print = stepPrinter(io);
    const result = await runQuickstart(deps.config, await deps.db(), {
      onStep: (step) =>
        step === 'seed'
          ? io.stderrIsTty && !io.json && io.stderr.write('  Generating and importing sample customers…\n')
          : print(step),
    });
    const lines = [
      `CohortLens on tenant "${result.tenant.slug}".`,
      ...(result.seeded
        ? [
            `Imported ${result.seeded.rows.toLocaleString('en-US')} ${result.seeded.sample ? 'sample ' : ''}customers (${result.seeded.file}).`,
          ]
        : []),
      pipelineHuman(result.pipeline),
      result.baselineSaved
        ? 'Saved these customers as the drift baseline: the next run reports drift against them.'
        : 'Drift was checked against the saved baseline (see the report).',
      '',
      'Next: import your own customers with `npx cohortlens import FILE`, then `npx cohortlens run`.',
    ];
    return {
      data: {
        tenant: result.tenant,
        seeded: result.seeded,
        baselineSaved: result.baselineSaved,
        ...pipelineDocument(result.pipeline),
      },
      human: lines.join('\n'),
    };
  },
});
