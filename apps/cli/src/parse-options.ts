import { InvalidArgumentError } from 'commander';

/** commander parser for integer options; rejects "12abc", "1.5" and the like. */
export function parseIntegerOption(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError('must be an integer');
  return Number(value);
}

/** commander collector for repeatable options (`--map a --map b`). */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
