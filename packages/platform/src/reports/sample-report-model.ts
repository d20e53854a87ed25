import { createRng } from '@cohortlens/engine';
import type { ReportModel, ReportSegmentProfile } from './report-model.js';

const SEGMENTS = [
  {
    label: 'Budget-conscious',
    income: 32_000,
    score: 20,
    age: 45,
    action: 'Offer value bundles and loyalty points on essentials.',
  },
  {
    label: 'Young enthusiasts',
    income: 30_000,
    score: 80,
    age: 25,
    action: 'Engage with social campaigns and buy-now-pay-later offers.',
  },
  {
    label: 'Mainstream',
    income: 65_000,
    score: 50,
    age: 42,
    action: 'Cross-sell mid-range products through personalised e-mail.',
  },
  {
    label: 'Affluent savers',
    income: 125_000,
    score: 18,
    age: 41,
    action: 'Win share of wallet with premium quality and service messages.',
  },
  {
    label: 'Affluent high spenders',
    income: 128_000,
    score: 82,
    age: 33,
    action: 'Protect with a VIP programme and early access to launches.',
  },
];
const WEIGHTS = [0.22, 0.18, 0.3, 0.14, 0.16];

/**
 * A realistic, seeded report model (5 segments, `n` customers) for tests, visual checks and
 * previews. Values are synthetic but shaped like the Customers dataset; never real results.
 */
export function buildSampleReportModel(n = 2000, seed = 7): ReportModel {
  const rng = createRng(seed);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const points: ReportModel['clusterPoints'] = [];
  const predictions: NonNullable<ReportModel['predictions']> = [];
  const sizes = SEGMENTS.map(() => 0);
  for (let i = 0; i < n; i++) {
    let u = rng.next();
    let s = 0;
    while (s < WEIGHTS.length - 1 && u >= WEIGHTS[s]) u -= WEIGHTS[s++];
    sizes[s]++;
    const seg = SEGMENTS[s];
    const income = Math.round(clamp(seg.income + rng.normal() * 14_000, 0, 190_000));
    const score = Math.round(clamp(seg.score + rng.normal() * 9, 1, 100));
    points.push({ annualIncome: income, spendingScore: score, segmentLabel: seg.label });
    if (i < 600)
      predictions.push({ actual: score, predicted: clamp(0.45 * score + 28 + rng.normal() * 12, 0, 100) });
  }
  const segments: ReportSegmentProfile[] = SEGMENTS.map((seg, id) => ({
    id,
    label: seg.label,
    size: sizes[id],
    share: sizes[id] / n,
    means: {
      age: seg.age + rng.normal(),
      annualIncome: seg.income + rng.normal() * 500,
      spendingScore: seg.score + rng.normal(),
      workExperience: 4 + rng.next() * 3,
      familySize: 2.5 + rng.next() * 2,
    },
    categoryHighlights: [
      {
        feature: 'Gender',
        value: id % 2 === 0 ? 'Female' : 'Male',
        share: 0.55 + 0.1 * rng.next(),
        overallShare: 0.59,
      },
      {
        feature: 'Profession',
        value: ['Artist', 'Healthcare', 'Engineer', 'Executive', 'Lawyer'][id],
        share: 0.3,
        overallShare: 0.18,
      },
    ],
    recommendedAction: seg.action,
    recommendations: [
      {
        title: `Tailored offer for ${seg.label.toLowerCase()}`,
        rationale: `Mean spending score ${seg.score} at a mean income of $${seg.income.toLocaleString('en-US')}.`,
      },
      {
        title: 'Measure uplift',
        rationale: 'Run the campaign on a random half of the segment and compare spending after 90 days.',
      },
    ],
  }));
  const names = ['Age', 'Annual Income ($)', 'Spending Score (1-100)', 'Work Experience', 'Family Size'];
  const corr = [
    [1, 0.02, -0.04, -0.01, 0.0],
    [0.02, 1, 0.02, 0.09, 0.09],
    [-0.04, 0.02, 1, -0.03, 0.0],
    [-0.01, 0.09, -0.03, 1, 0.01],
    [0.0, 0.09, 0.0, 0.01, 1],
  ];
  const bins = Array.from({ length: 10 }, (_, b) => ({
    start: b * 10,
    end: b * 10 + 10,
    count: Math.round(n * 0.1 * (1.4 - Math.abs(b - 4) * 0.2) + rng.nextInt(20)),
  }));
  const perFold = (mean: number, sd: number) => Array.from({ length: 5 }, () => mean + rng.normal() * sd);
  const summary = (folds: number[]) => {
    const mean = folds.reduce((a, b) => a + b, 0) / folds.length;
    const std = Math.sqrt(folds.reduce((a, b) => a + (b - mean) ** 2, 0) / (folds.length - 1));
    return { mean, std, perFold: folds };
  };
  const mse = perFold(760, 25);
  return {
    title: 'CohortLens – Executive Report',
    tenantName: 'Northwind Retail',
    generatedAt: '2026-11-22T09:30:00.000Z',
    dataSummary: {
      rowsRead: n + 35,
      rowsUsed: n,
      rowsRejected: 35,
      featuresUsed: ['Gender', 'Age', 'Annual Income ($)', 'Profession', 'Work Experience', 'Family Size'],
    },
    segmentation: {
      algorithm: 'kmeans',
      k: 5,
      silhouette: 0.553,
      kSelection: 'Silhouette search over k = 2..10 on standardised income and spending score.',
      disagreementNotes: ['The elbow heuristic suggests k = 4; silhouette prefers k = 5 by 0.04.'],
    },
    segments,
    clusterPoints: points,
    clusterPointsTotal: n,
    modelMetrics: {
      algorithm: 'gradient_boosting',
      target: 'Spending Score (1-100)',
      folds: 5,
      crossValidation: {
        mse: summary(mse),
        rmse: summary(mse.map(Math.sqrt)),
        mae: summary(perFold(23.4, 0.6)),
        r2: summary(perFold(0.04, 0.02)),
      },
      holdout: { size: 400, metrics: { mse: 771.2, rmse: Math.sqrt(771.2), mae: 23.9, r2: 0.031 } },
    },
    predictions,
    featureImportance: [
      { feature: 'Age', meanAbsShap: 3.1 },
      { feature: 'Annual Income ($)', meanAbsShap: 2.4 },
      { feature: 'Profession', meanAbsShap: 1.7 },
      { feature: 'Work Experience', meanAbsShap: 1.2 },
      { feature: 'Family Size', meanAbsShap: 0.9 },
      { feature: 'Gender', meanAbsShap: 0.4 },
    ],
    correlation: { names, values: corr },
    savings: { bins, unknownCount: 2 },
    drift: {
      baselineLabel: 'Baseline of 2026-10-01 (2,000 rows)',
      features: [
        {
          feature: 'Age',
          test: 'ks',
          statistic: 0.031,
          pValue: 0.41,
          effectSize: 0.012,
          effectSizeName: 'psi',
          drifted: false,
        },
        {
          feature: 'Annual Income ($)',
          test: 'ks',
          statistic: 0.118,
          pValue: 0.0002,
          effectSize: 0.161,
          effectSizeName: 'psi',
          drifted: true,
        },
        {
          feature: 'Spending Score (1-100)',
          test: 'ks',
          statistic: 0.024,
          pValue: 0.72,
          effectSize: 0.008,
          effectSizeName: 'psi',
          drifted: false,
        },
        {
          feature: 'Work Experience',
          test: 'ks',
          statistic: 0.041,
          pValue: 0.18,
          effectSize: 0.021,
          effectSizeName: 'psi',
          drifted: false,
        },
        {
          feature: 'Family Size',
          test: 'chi2',
          statistic: 19.4,
          pValue: 0.004,
          effectSize: 0.112,
          effectSizeName: 'psi',
          drifted: true,
        },
        {
          feature: 'Profession',
          test: 'chi2',
          statistic: 6.2,
          pValue: 0.63,
          effectSize: 0.015,
          effectSizeName: 'psi',
          drifted: false,
        },
      ],
      driftShare: 2 / 6,
      datasetDrift: false,
    },
    notes: [
      {
        level: 'warning',
        text: '35 rows were rejected at import (blank profession or invalid income); see the import log.',
      },
      {
        level: 'info',
        text: 'Spending score is hard to predict from demographics alone (R² ≈ 0.04); use segments, not individual predictions, for targeting.',
      },
    ],
  };
}
