/**
 * The configuration's drift keys as engine options: `drift.ks_alpha` is the significance level of the
 * p-value tests (KS, chi-square, two-proportion Z), and the configured id column is never tested.
 * (`drift.psi_threshold` flags PSI alerts in the drift documents, see driftDocument.)
 */
import type { DriftOptions } from '@cohortlens/engine';
import type { Config } from '../config/index.js';

export function driftOptions(config: Pick<Config, 'drift' | 'features'>): DriftOptions {
  const alpha = config.drift.ksAlpha;
  return {
    idColumns: [...new Set(['customer_id', config.features.idColumn])],
    thresholds: { ks: alpha, chisquare: alpha, z: alpha },
  };
}
