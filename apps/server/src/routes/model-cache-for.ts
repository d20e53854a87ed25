/**
 * The per-process ActiveModelCache (and group-commit PredictionWriter) of an app, keyed by its deps object (one cache per buildApp:
 * tests with separate databases never share deserialized models).
 */
import {
  createActiveModelCache,
  createPredictionWriter,
  type ActiveModelCache,
  type PredictionWriter,
} from '@cohortlens/platform';
import type { AppDeps } from '../app-deps.js';

const caches = new WeakMap<AppDeps, ActiveModelCache>();

/** The cache of these deps, created on first use. */
export function modelCacheFor(deps: AppDeps): ActiveModelCache {
  let cache = caches.get(deps);
  if (cache === undefined) {
    cache = createActiveModelCache({ clock: deps.clock });
    caches.set(deps, cache);
  }
  return cache;
}

const writers = new WeakMap<AppDeps, PredictionWriter>();

/** The group-commit prediction writer of these deps, created on first use. */
export function predictionWriterFor(deps: AppDeps): PredictionWriter {
  let writer = writers.get(deps);
  if (writer === undefined) {
    writer = createPredictionWriter(deps.db);
    writers.set(deps, writer);
  }
  return writer;
}
