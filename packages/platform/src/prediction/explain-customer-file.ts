/**
 * `cohortlens explain --data FILE --customer ID`: trains the spending model on the file and
 * explains one customer's prediction on the original features.
 */
import type { PredictionExplanation } from '@cohortlens/engine';
import type { Config } from '../config/index.js';
import { customersToTable } from '../datasets/customer-table.js';
import { readCustomerFile, type ReadCustomerFileOptions } from '../datasets/read-customer-file.js';
import { AppError } from '../errors/app-error.js';
import { predictionOptions, type AnalysisOverrides } from '../pipeline/analysis-options.js';
import { explainSpending, type ExplainMethodName } from './explain-spending.js';
import { trainSpendingModel } from './train-spending-model.js';

export interface ExplainFileResult {
  customerId: string;
  algorithm: string;
  explanation: PredictionExplanation;
  interval: { lower: number; upper: number; level: number };
}

export async function explainCustomerFile(
  config: Config,
  path: string,
  customerId: string,
  method: ExplainMethodName,
  overrides: AnalysisOverrides = {},
  read: ReadCustomerFileOptions = {},
): Promise<ExplainFileResult> {
  const dataset = await readCustomerFile(path, { idColumn: config.features.idColumn, ...read });
  const customer = dataset.customers.find((c) => c.customerId === customerId);
  if (!customer) {
    throw new AppError('CUSTOMER_NOT_FOUND', 'not_found', `Customer not found: ${customerId}`, {
      details: { customerId },
    });
  }
  const { table } = customersToTable(dataset.customers);
  const options = predictionOptions(config, overrides);
  const model = await trainSpendingModel(table, options);
  const row = {
    age: customer.age,
    annual_income: customer.annualIncome,
    work_experience: customer.workExperience,
    family_size: customer.familySize,
    spending_score: customer.spendingScore,
    profession: customer.profession,
    gender: customer.gender,
  };
  const [prediction] = model.predict([row]);
  const explanation = explainSpending(model, row, method, options.seed);
  return {
    customerId,
    algorithm: options.algorithm,
    explanation,
    interval: { lower: prediction.lower, upper: prediction.upper, level: model.interval.level },
  };
}
