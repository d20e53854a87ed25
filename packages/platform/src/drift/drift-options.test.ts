import { describe, expect, it } from 'vitest';
import { detectDrift } from '@cohortlens/engine';
import { loadConfig } from '../config/index.js';
import { driftDocument } from './compare-customer-files.js';
import { driftOptions } from './drift-options.js';

const config = (env: Record<string, string> = {}) => loadConfig({ env, cwd: '/nonexistent' });

describe('drift configuration', () => {
  it('uses drift.ks_alpha as the level of every p-value test and never tests the id column', () => {
    const options = driftOptions(
      config({ COHORTLENS_DRIFT__KS_ALPHA: '0.01', COHORTLENS_FEATURES__ID_COLUMN: 'client' }),
    );
    expect(options.thresholds).toEqual({ ks: 0.01, chisquare: 0.01, z: 0.01 });
    expect(options.idColumns).toEqual(['customer_id', 'client']);
  });

  it('flags PSI alerts at drift.psi_threshold', () => {
    const reference = {
      x: { type: 'numerical' as const, values: Float64Array.from({ length: 400 }, (_, i) => i % 97) },
    };
    const current = {
      x: { type: 'numerical' as const, values: Float64Array.from({ length: 400 }, (_, i) => (i % 97) + 12) },
    };
    const result = detectDrift(reference, current, driftOptions(config()));
    const psi = result.features.x.psi!;
    expect(driftDocument(result, psi - 0.01).features.x.psi_alert).toBe(true);
    expect(driftDocument(result, psi + 0.01).features.x.psi_alert).toBe(false);
  });
});
