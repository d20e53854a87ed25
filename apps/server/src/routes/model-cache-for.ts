/**
 * The per-process ActiveModelCache of an app, keyed by its deps object (one cache per buildApp:
 * tests with separate databases never share deserialized models).
 */
import { createActiveModelCache, type ActiveModelCache } from '@cohortlens/platform';
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
