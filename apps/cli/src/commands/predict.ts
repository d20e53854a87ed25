import { evaluateCustomerFile, trainModel, type ModelDescription } from '@cohortlens/platform';
import type { SpendingAlgorithmName } from '@cohortlens/platform';
import { defineCommand } from '../cli-command.js';
import {
  addDataOption,
  addModelOptions,
  addSeedOption,
  modelOverrides,
  type AnalysisCliOptions,
} from '../analysis-options.js';
import { resolveTenant } from '../resolve-tenant.js';

interface PredictOptions extends AnalysisCliOptions {
  algorithm?: SpendingAlgorithmName;
}

/** `cohortlens predict`: trains and evaluates the spending model (file mode, or a new tenant model version). */
export const predictCommand = defineCommand<PredictOptions>({
  name: 'predict',
  summary: 'Train and evaluate the spending model (cross-validation and hold-out)',
  description:
    'Trains the spending-score model on the configured features with k-fold cross-validation and a hold-out split, ' +
    'and calibrates a prediction interval from out-of-fold residuals. With --data the file is used without a ' +
    'database; otherwise the tenant’s customers train a new, active model version.',
  examples: [
    {
      command: 'cohortlens predict --data ../shared/data/Customers.csv --json',
      explanation: 'evaluate the configured model on a file',
    },
    {
      command: 'cohortlens predict --data customers.csv --algorithm random_forest --cv 10 --holdout 0.25',
      explanation: 'a random forest, 10 folds, a quarter of the rows held out',
    },
    {
      command: 'cohortlens predict --algorithm gradient_boosting',
      explanation: 'train a new model version for the default tenant',
    },
  ],
  configure: (c) => {
    addDataOption(c);
    addModelOptions(c);
    addSeedOption(c);
  },
  run: async ({ options, deps }) => {
    const overrides = modelOverrides(options, options.algorithm);
    if (options.data === undefined) {
      const db = await deps.db();
      const tenant = await resolveTenant(deps, options.tenant);
      const result = await trainModel(db, tenant, deps.config, overrides);
      return {
        data: result,
        human: `${humanSummary(result)}\nSaved as model version ${result.version} (now active).`,
      };
    }
    const result = await evaluateCustomerFile(deps.config, options.data, overrides);
    return { data: result, human: humanSummary(result) };
  },
});

function humanSummary(r: ModelDescription): string {
  const lines = [
    `${r.algorithm} predicting ${r.target} from ${r.features.join(', ')} (${r.rowsUsed.toLocaleString('en-US')} rows)`,
  ];
  if (r.cv) {
    lines.push(
      `  ${r.cv.folds}-fold CV   MSE ${r.cv.mse.toFixed(2)}  RMSE ${r.cv.rmse.toFixed(2)}  MAE ${r.cv.mae.toFixed(2)}  R² ${r.cv.r2.toFixed(3)}`,
    );
  }
  if (r.holdout) {
    lines.push(
      `  hold-out (${r.holdout.rows} rows)  MSE ${r.holdout.mse.toFixed(2)}  RMSE ${r.holdout.rmse.toFixed(2)}  MAE ${r.holdout.mae.toFixed(2)}  R² ${r.holdout.r2.toFixed(3)}`,
    );
  }
  lines.push(
    `  ${Math.round(r.interval.level * 100)}% prediction interval: ± ${r.interval.halfWidth.toFixed(1)}`,
  );
  return lines.join('\n');
}
