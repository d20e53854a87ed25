import { explainCustomerFile, type ExplainMethodName } from '@cohortlens/platform';
import type { SpendingAlgorithmName } from '@cohortlens/platform';
import { InvalidArgumentError } from 'commander';
import { defineCommand } from '../cli-command.js';
import {
  addModelOptions,
  addSeedOption,
  modelOverrides,
  type AnalysisCliOptions,
} from '../analysis-options.js';

interface ExplainOptions extends AnalysisCliOptions {
  data: string;
  customer: string;
  method: ExplainMethodName;
  algorithm?: SpendingAlgorithmName;
}

const parseMethod = (v: string): ExplainMethodName => {
  const m = v.trim().toLowerCase();
  if (m !== 'shap' && m !== 'lime') throw new InvalidArgumentError('must be shap or lime');
  return m;
};

/** `cohortlens explain`: why the model predicts what it does for one customer. */
export const explainCommand = defineCommand<ExplainOptions>({
  name: 'explain',
  summary: 'Explain one customer’s predicted spending (SHAP or LIME)',
  description:
    'Trains the spending model on the file, predicts the customer’s spending score with its interval and splits the ' +
    'prediction into contributions of the original features (one-hot professions folded back into Profession). ' +
    'SHAP contributions add up exactly: base value + Σ contributions = prediction.',
  examples: [
    {
      command: 'cohortlens explain --data ../shared/data/Customers.csv --customer 42',
      explanation: 'exact SHAP values for customer 42',
    },
    {
      command: 'cohortlens explain --data customers.csv --customer 7 --method lime --json',
      explanation: 'a LIME explanation as JSON',
    },
  ],
  configure: (c) => {
    c.requiredOption('--data <file>', 'the customer CSV to train on')
      .requiredOption('--customer <id>', 'the customer to explain')
      .option('--method <shap|lime>', 'explanation method', parseMethod, 'shap');
    addModelOptions(c);
    addSeedOption(c);
  },
  run: async ({ options, deps }) => {
    const r = await explainCustomerFile(
      deps.config,
      options.data,
      options.customer,
      options.method,
      modelOverrides(options, options.algorithm),
    );
    const e = r.explanation;
    const lines = [
      `Customer ${r.customerId}: predicted ${e.prediction.toFixed(1)} (${Math.round(r.interval.level * 100)}% interval ` +
        `${r.interval.lower.toFixed(1)}–${r.interval.upper.toFixed(1)}), ${r.algorithm}, ${e.method} (${e.algorithm}).`,
      `  base value ${e.baseValue.toFixed(2)}`,
      ...[...e.contributions]
        .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution))
        .map(
          (c) =>
            `  ${c.contribution >= 0 ? '+' : '−'}${Math.abs(c.contribution).toFixed(2).padStart(7)}  ${c.feature}` +
            (c.value === undefined ? '' : ` = ${c.value}`),
        ),
      ...e.warnings.map((w) => `Warning: ${w}`),
    ];
    return { data: r, human: lines.join('\n') };
  },
});
