/**
 * Synthetic customers with planted segments and the messiness of real data.
 *
 * Streams rows (a generator), so millions of rows never sit in memory. Deterministic per seed: the
 * same options give the same rows on every machine. Five planted segments live in the
 * (age, annual income, spending score) space the original segmented on; spending also depends a
 * little on profession and family size, so a spending model has real signal to find. Messiness
 * mirrors Customers.csv: blank genders and professions, ages under 18, zero incomes, and a few
 * exact duplicate rows.
 */
import { createRng, type Rng } from '../core/random.js';
import { EngineError } from '../core/engine-error.js';

/** One generated customer in the canonical field names; null marks a blank cell. */
export interface SyntheticCustomer {
  customerId: string;
  gender: string | null;
  age: number | null;
  annualIncome: number | null;
  spendingScore: number | null;
  profession: string | null;
  workExperience: number | null;
  familySize: number | null;
  /** The planted segment (0-based); not written to CSV, used to score clusterings. */
  segment: number;
}

export interface GenerateCustomersOptions {
  rows: number;
  seed?: number;
  /** Share of rows made messy in each way (blank category, child age, zero income). Default 0.01. */
  messiness?: number;
  /** Share of rows that repeat an earlier row exactly. Default 0.003. */
  duplicateShare?: number;
}

interface PlantedSegment {
  name: string;
  weight: number;
  age: [mean: number, sd: number];
  income: [mean: number, sd: number];
  spending: number;
}

/** The planted segments, in the order of their ids. */
export const PLANTED_SEGMENTS: readonly PlantedSegment[] = [
  { name: 'young high spenders', weight: 0.2, age: [26, 4], income: [42_000, 9_000], spending: 80 },
  { name: 'affluent savers', weight: 0.2, age: [47, 7], income: [122_000, 13_000], spending: 20 },
  { name: 'affluent high spenders', weight: 0.18, age: [34, 5], income: [118_000, 13_000], spending: 82 },
  { name: 'budget-conscious seniors', weight: 0.2, age: [58, 8], income: [38_000, 9_000], spending: 22 },
  { name: 'mainstream', weight: 0.22, age: [41, 9], income: [78_000, 9_000], spending: 50 },
];

const PROFESSIONS = [
  ['Artist', 0.16, 3],
  ['Healthcare', 0.17, 0],
  ['Entertainment', 0.12, 4],
  ['Engineer', 0.09, -1],
  ['Doctor', 0.08, -2],
  ['Executive', 0.08, 1],
  ['Lawyer', 0.07, -3],
  ['Marketing', 0.08, 2],
  ['Homemaker', 0.15, -4],
] as const;

const DEFAULTS = { seed: 42, messiness: 0.01, duplicateShare: 0.003 };
const RECENT_ROWS_KEPT = 512;

/** Yields `rows` customers; customer ids run 1..n, except duplicates, which repeat an earlier row. */
export function* generateCustomers(options: GenerateCustomersOptions): Generator<SyntheticCustomer> {
  const { rows, seed, messiness, duplicateShare } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(rows) || rows < 0) {
    throw new EngineError('INVALID_OPTION', `rows must be a non-negative integer, got ${rows}`);
  }
  const rng = createRng(seed);
  const recent: SyntheticCustomer[] = [];
  let nextId = 1;
  for (let i = 0; i < rows; i++) {
    if (recent.length > 0 && rng.next() < duplicateShare) {
      yield { ...recent[rng.nextInt(recent.length)] };
      continue;
    }
    const customer = drawCustomer(rng, String(nextId++), messiness);
    if (recent.length < RECENT_ROWS_KEPT) recent.push(customer);
    else recent[rng.nextInt(RECENT_ROWS_KEPT)] = customer;
    yield customer;
  }
}

function drawCustomer(rng: Rng, customerId: string, messiness: number): SyntheticCustomer {
  const segment = pickWeighted(
    rng,
    PLANTED_SEGMENTS.map((s) => s.weight),
  );
  const planted = PLANTED_SEGMENTS[segment];
  const [professionName, , professionEffect] =
    PROFESSIONS[
      pickWeighted(
        rng,
        PROFESSIONS.map((p) => p[1]),
      )
    ];

  let age = clamp(Math.round(planted.age[0] + planted.age[1] * rng.normal()), 18, 90);
  const income = Math.max(
    5_000,
    Math.round((planted.income[0] + planted.income[1] * rng.normal()) / 100) * 100,
  );
  const familySize = clamp(1 + Math.round(Math.abs(rng.normal() * 2.2)), 1, 9);
  const workExperience = clamp(Math.round((age - 21) * (0.15 + 0.35 * rng.next())), 0, 40);
  const spending =
    planted.spending +
    professionEffect -
    1.2 * (familySize - 3) +
    (0.25 * (income - planted.income[0])) / 10_000;
  const spendingScore = clamp(Math.round(spending + 6 * rng.normal()), 1, 100);

  if (rng.next() < messiness) age = rng.nextInt(18);
  return {
    customerId,
    gender: rng.next() < messiness / 2 ? null : rng.next() < 0.59 ? 'Female' : 'Male',
    age,
    annualIncome: rng.next() < messiness ? 0 : income,
    spendingScore,
    profession: rng.next() < messiness * 1.75 ? null : professionName,
    workExperience,
    familySize,
    segment,
  };
}

function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
