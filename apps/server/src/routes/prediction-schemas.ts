/**
 * Zod schemas of the spending-prediction routes. Field names are the original API's snake_case
 * (compatibility promise of POST /predict-spending and the explain routes).
 */
import type { SpendingInput, SpendingPredictionResult } from '@cohortlens/platform';
import { z } from 'zod';

/** One prediction input: the original body plus an optional gender. */
export const spendingInputSchema = z
  .object({
    age: z.number().int().min(0).max(120),
    annual_income: z.number().min(0).max(1e9),
    work_experience: z.number().int().min(0).max(100),
    family_size: z.number().int().min(1).max(50),
    profession: z.string().trim().min(1).max(100).default('Other'),
    gender: z.string().trim().min(1).max(50).optional(),
  })
  .meta({
    id: 'SpendingInput',
    example: { age: 35, annual_income: 75000, work_experience: 10, family_size: 3, profession: 'Engineer' },
  });

export type SpendingInputBody = z.infer<typeof spendingInputSchema>;

/** Query-string form of the same input (explain). */
export const spendingInputQuerySchema = z.object({
  age: z.coerce.number().int().min(0).max(120),
  annual_income: z.coerce.number().min(0).max(1e9),
  work_experience: z.coerce.number().int().min(0).max(100),
  family_size: z.coerce.number().int().min(1).max(50),
  profession: z.string().trim().min(1).max(100).default('Other'),
  gender: z.string().trim().min(1).max(50).optional(),
  method: z.enum(['shap', 'lime']).default('shap'),
});

export const toSpendingInput = (
  b: Omit<SpendingInputBody, 'profession'> & { profession: string },
): SpendingInput => ({
  age: b.age,
  annualIncome: b.annual_income,
  workExperience: b.work_experience,
  familySize: b.family_size,
  profession: b.profession,
  gender: b.gender ?? null,
});

const intervalSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  level: z.number().meta({ description: 'Nominal coverage, e.g. 0.9' }),
});

export const predictionOutSchema = z
  .object({
    predicted_spending: z.number().meta({ description: '0–100, one decimal', example: 65.3 }),
    prediction_interval: intervalSchema,
    model_version: z.number().int(),
    confidence: z.enum(['high', 'medium', 'low']).meta({
      description: 'From the interval width: ≤ 20 score points high, ≤ 40 medium, wider low',
    }),
  })
  .meta({ id: 'SpendingPrediction' });

export const toPredictionOut = (r: SpendingPredictionResult) => ({
  predicted_spending: r.predictedSpending,
  prediction_interval: { lower: r.lower, upper: r.upper, level: r.level },
  model_version: r.modelVersion,
  confidence: r.confidence,
});

export const explanationOutSchema = z
  .object({
    method: z.string(),
    algorithm: z.string(),
    base_value: z.number(),
    prediction: z.number(),
    contributions: z.array(
      z.object({
        feature: z.string(),
        value: z.union([z.number(), z.string()]).nullable(),
        contribution: z.number(),
      }),
    ),
    model_version: z.number().int(),
  })
  .meta({ id: 'SpendingExplanation' });
