import { describe, it, expect } from 'vitest';
import { EngineError } from '@cohortlens/engine';
import { AppError } from '@cohortlens/platform';
import { EXIT_CODES, exitCodeFor } from './exit-codes.js';

describe('exitCodeFor', () => {
  it('maps AppError categories as docs/cli.md documents', () => {
    const code = (category: ConstructorParameters<typeof AppError>[1]) =>
      exitCodeFor(new AppError('X', category, 'x'));
    expect([
      code('invalid_input'),
      code('not_found'),
      code('conflict'),
      code('limit'),
      code('unavailable'),
    ]).toEqual([2, 3, 4, 5, 6]);
    expect(code('internal')).toBe(1);
    expect(new Set(Object.values(EXIT_CODES)).size).toBe(Object.keys(EXIT_CODES).length);
  });

  it('treats engine errors as invalid input and anything else as internal', () => {
    expect(exitCodeFor(new EngineError('INVALID_SHAPE', 'bad'))).toBe(2);
    expect(exitCodeFor(new Error('boom'))).toBe(1);
    expect(exitCodeFor('string')).toBe(1);
  });
});
