/**
 * Use case: spending-score predictions from the tenant's ACTIVE model (deserialized once per
 * process through the ActiveModelCache), for ad-hoc inputs or stored customers, persisted with
 * the features snapshot. Also the explanation of one input. The original refitted its encoder on
 * each request, so single rows failed; the stored model's own transformer is reused here.
 *
 * Confidence is derived from the prediction interval's width on the 0–100 score scale:
 * width ≤ 20 → "high", ≤ 40 → "medium", otherwise "low" (see CONFIDENCE_WIDTHS).
 */
import type { PredictionExplanation, RawRow } from '@cohortlens/engine';
import type { Db } from '../db/db.js';
import { sql } from '../db/sql.js';
import { insertPredictions, type Customer } from '../db/index.js';
import { AppError } from '../errors/app-error.js';
import type { ActiveModelCache, CachedSpendingModel } from './active-model-cache.js';
import { explainSpending, type ExplainMethodName } from './explain-spending.js';
import type { PredictionWriter } from './prediction-writer.js';

/** One input as the API receives it (snake_case keys are the model's feature names). */
export interface SpendingInput {
  readonly age: number | null;
  readonly annualIncome: number | null;
  readonly workExperience: number | null;
  readonly familySize: number | null;
  readonly profession?: string | null;
  readonly gender?: string | null;
}

export type Confidence = 'high' | 'medium' | 'low';

/** Interval widths (score points) at or below which a prediction is "high" / "medium" confidence. */
export const CONFIDENCE_WIDTHS = { high: 20, medium: 40 } as const;

/** The confidence label of an interval [lower, upper] (rule in the file header). */
export function confidenceFromInterval(lower: number, upper: number): Confidence {
  const width = upper - lower;
  if (width <= CONFIDENCE_WIDTHS.high) return 'high';
  if (width <= CONFIDENCE_WIDTHS.medium) return 'medium';
  return 'low';
}

export interface SpendingPredictionResult {
  readonly customerId: string | null;
  /** 0–100, one decimal. */
  readonly predictedSpending: number;
  readonly lower: number;
  readonly upper: number;
  /** Nominal coverage of [lower, upper], e.g. 0.9. */
  readonly level: number;
  readonly confidence: Confidence;
  readonly modelVersion: number;
}

export interface PredictSpendingDeps {
  readonly db: Db;
  readonly models: ActiveModelCache;
  /** Group-commit writer (servers); without it each call inserts on its own. */
  readonly writer?: PredictionWriter;
}

/** Largest number of rows one call may predict. */
export const MAX_PREDICTION_BATCH = 10_000;

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The raw row the model's transformer reads (its feature names are snake_case). */
export function spendingRawRow(input: SpendingInput): RawRow {
  return {
    age: input.age ?? Number.NaN,
    annual_income: input.annualIncome ?? Number.NaN,
    work_experience: input.workExperience ?? Number.NaN,
    family_size: input.familySize ?? Number.NaN,
    profession: input.profession ?? null,
    gender: input.gender ?? null,
  };
}

/** @throws AppError MODEL_NOT_TRAINED (409) when the tenant has no active model. */
export async function requireActiveModel(
  deps: PredictSpendingDeps,
  tenantId: string,
): Promise<CachedSpendingModel> {
  const active = await deps.models.spendingModel(deps.db, tenantId);
  if (active === null) {
    throw new AppError(
      'MODEL_NOT_TRAINED',
      'conflict',
      'No spending model is trained and active for this tenant',
      {
        details: { hint: 'train one: POST /api/v1/models/train (analyst), or cohortlens predict --save' },
      },
    );
  }
  return active;
}

/**
 * Predicts and persists (one INSERT for the whole batch). `customerIds[i]` links row i to a stored
 * customer (null for ad-hoc inputs).
 * @throws AppError MODEL_NOT_TRAINED, PREDICTION_BATCH_TOO_LARGE
 */
export async function predictSpending(
  deps: PredictSpendingDeps,
  tenantId: string,
  inputs: readonly SpendingInput[],
  options: { customerIds?: readonly (string | null)[]; persist?: boolean } = {},
): Promise<SpendingPredictionResult[]> {
  if (inputs.length > MAX_PREDICTION_BATCH) {
    throw new AppError(
      'PREDICTION_BATCH_TOO_LARGE',
      'invalid_input',
      `At most ${MAX_PREDICTION_BATCH} rows per call`,
      {
        details: { rows: inputs.length, max: MAX_PREDICTION_BATCH },
      },
    );
  }
  const active = await requireActiveModel(deps, tenantId);
  if (inputs.length === 0) return [];
  const rows = inputs.map(spendingRawRow);
  const predicted = active.model.predict(rows);
  const level = active.model.interval.level;
  const results = predicted.map((p, i): SpendingPredictionResult => {
    const lower = round1(p.lower);
    const upper = round1(p.upper);
    return {
      customerId: options.customerIds?.[i] ?? null,
      predictedSpending: round1(Math.min(100, Math.max(0, p.prediction))),
      lower,
      upper,
      level,
      confidence: confidenceFromInterval(p.lower, p.upper),
      modelVersion: active.version,
    };
  });
  if (options.persist ?? true) {
    const rowsToStore = results.map((r, i) => ({
      customerId: r.customerId,
      modelVersion: r.modelVersion,
      predicted: r.predictedSpending,
      intervalLow: r.lower,
      intervalHigh: r.upper,
      features: snapshot(inputs[i]),
    }));
    if (deps.writer) await deps.writer.write(tenantId, rowsToStore);
    else await insertPredictions(deps.db, tenantId, rowsToStore);
  }
  return results;
}

const snapshot = (x: SpendingInput) => ({
  age: x.age,
  annual_income: x.annualIncome,
  work_experience: x.workExperience,
  family_size: x.familySize,
  profession: x.profession ?? null,
  gender: x.gender ?? null,
});

/** A stored customer as a prediction input. */
export const customerAsInput = (c: Customer): SpendingInput => ({
  age: c.age,
  annualIncome: c.annualIncome,
  workExperience: c.workExperience,
  familySize: c.familySize,
  profession: c.profession,
  gender: c.gender,
});

export interface StoredCustomerInputs {
  readonly customerIds: string[];
  readonly inputs: SpendingInput[];
  /** Set when more customers follow (pass as `after` to continue). */
  readonly nextAfter: string | null;
}

interface FeatureRow {
  customerId: string;
  age: number | null;
  annualIncome: number | null;
  workExperience: number | null;
  familySize: number | null;
  profession: string | null;
  gender: string | null;
}

const FEATURE_COLUMNS = sql`customer_id AS "customerId", age, annual_income AS "annualIncome",
  work_experience AS "workExperience", family_size AS "familySize", profession, gender`;

/**
 * Inputs of the given live customers (one query). @throws AppError CUSTOMER_NOT_FOUND listing up
 * to 20 ids that are not the tenant's.
 */
export async function storedCustomerInputs(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<StoredCustomerInputs> {
  const unique = [...new Set(ids)];
  const { rows } = await db.query<FeatureRow>(
    sql`SELECT ${FEATURE_COLUMNS} FROM customers
        WHERE tenant_id = ${tenantId} AND deleted_at IS NULL AND customer_id = ANY(${unique}::text[])`,
  );
  const byId = new Map(rows.map((r) => [r.customerId, r]));
  const missing = unique.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw new AppError('CUSTOMER_NOT_FOUND', 'not_found', `Customer not found: ${missing[0]}`, {
      details: { missing: missing.slice(0, 20), missingCount: missing.length },
    });
  }
  return { customerIds: [...unique], inputs: unique.map((id) => byId.get(id)!), nextAfter: null };
}

/** Up to `limit` live customers ordered by customer_id, after `after` (keyset page). */
export async function allCustomerInputs(
  db: Db,
  tenantId: string,
  options: { after?: string | null; limit?: number } = {},
): Promise<StoredCustomerInputs> {
  const limit = Math.min(options.limit ?? MAX_PREDICTION_BATCH, MAX_PREDICTION_BATCH);
  const from = options.after ? sql` AND customer_id > ${options.after}` : sql``;
  const { rows } = await db.query<FeatureRow>(
    sql`SELECT ${FEATURE_COLUMNS} FROM customers WHERE tenant_id = ${tenantId} AND deleted_at IS NULL${from}
        ORDER BY customer_id LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  return {
    customerIds: page.map((r) => r.customerId),
    inputs: page,
    nextAfter: rows.length > limit ? page[page.length - 1].customerId : null,
  };
}

export interface SpendingExplanation extends PredictionExplanation {
  readonly modelVersion: number;
}

/** Explains the active model's prediction for one input. @throws AppError MODEL_NOT_TRAINED */
export async function explainSpendingInput(
  deps: PredictSpendingDeps,
  tenantId: string,
  input: SpendingInput,
  method: ExplainMethodName = 'shap',
): Promise<SpendingExplanation> {
  const active = await requireActiveModel(deps, tenantId);
  return { ...explainSpending(active.model, spendingRawRow(input), method), modelVersion: active.version };
}
