import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/engine-error.js';
import { matrixFrom } from '../core/matrix.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import {
  fitGaussianMixture,
  gaussianMixtureFromJSON,
  gaussianMixtureParameterCount,
  type CovarianceType,
} from './gaussian-mixture.js';
import { makeBlobs } from './make-blobs.js';

const REF = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../reference/clustering/clustering-reference.json', import.meta.url)),
    'utf8',
  ),
) as {
  kmeansBlobs: { rows: number; cols: number; X: number[] };
  gmmBlobs: Record<CovarianceType, { meanLogLikelihood: number; bic: number; aic: number }>;
};
const B = matrixFrom(Float64Array.from(REF.kmeansBlobs.X), REF.kmeansBlobs.rows, REF.kmeansBlobs.cols);

describe('fitGaussianMixture', () => {
  it.each(['full', 'diag'] as const)('%s: log-likelihood, BIC and AIC reach scikit-learn’s', (type) => {
    const ref = REF.gmmBlobs[type];
    const model = fitGaussianMixture(B, { nClusters: 5, covarianceType: type, nInit: 3, seed: 42 });
    expect(model.converged).toBe(true);
    expect(model.logLikelihood).toBeGreaterThan(ref.meanLogLikelihood - 2e-3);
    const p = gaussianMixtureParameterCount(5, 3, type);
    const n = B.rows;
    expect(model.bic).toBeCloseTo(-2 * model.logLikelihood * n + p * Math.log(n), 8);
    expect(model.aic).toBeCloseTo(-2 * model.logLikelihood * n + 2 * p, 8);
    expect(model.bic).toBeLessThan(ref.bic + 5);
  });

  it('responsibilities sum to 1 and predict is their argmax', () => {
    const model = fitGaussianMixture(B, { nClusters: 4, covarianceType: 'full' });
    const P = model.predictProba(B);
    const labels = model.predict(B);
    for (let i = 0; i < B.rows; i++) {
      let s = 0;
      let best = 0;
      for (let c = 0; c < 4; c++) {
        s += P.data[i * 4 + c];
        if (P.data[i * 4 + c] > P.data[i * 4 + best]) best = c;
      }
      expect(s).toBeCloseTo(1, 12);
      expect(labels[i]).toBe(best);
    }
    expect(Array.from(labels)).toEqual(Array.from(model.labels));
  });

  it('mean of scoreSamples equals the reported log-likelihood', () => {
    const model = fitGaussianMixture(B, { nClusters: 3, covarianceType: 'diag' });
    const s = model.scoreSamples(B);
    expect(s.reduce((a, v) => a + v, 0) / B.rows).toBeCloseTo(model.logLikelihood, 10);
  });

  it('recovers planted blobs', () => {
    const { X, labels } = makeBlobs({ rows: 1000, cols: 3, centers: 5, clusterStd: 0.7, seed: 8 });
    const model = fitGaussianMixture(X, { nClusters: 5, seed: 3 });
    expect(adjustedRandIndex(labels, model.labels)).toBeGreaterThan(0.95);
  });

  it('round-trips through JSON', () => {
    const model = fitGaussianMixture(B, { nClusters: 3 });
    const back = gaussianMixtureFromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(Array.from(back.predictProba(B).data)).toEqual(Array.from(model.predictProba(B).data));
    expect(() => gaussianMixtureFromJSON({ kind: 'kmeans', version: 1, params: {} })).toThrow(EngineError);
  });

  it('reports non-convergence as a field and rejects bad options', () => {
    const model = fitGaussianMixture(B, { nClusters: 5, maxIterations: 1, tolerance: 0 });
    expect(model.converged).toBe(false);
    expect(model.warnings.length).toBe(1);
    expect(() => fitGaussianMixture(B, { covarianceType: 'tied' as CovarianceType })).toThrow(EngineError);
  });
});
