/**
 * The grounding of a natural-language recommendation: short factual sentences built from the
 * tenant's active segmentation run (sizes, shares, means, labels, the engine's recommended
 * actions). Only engine-generated text and numbers are used — no imported free text (e.g.
 * profession values), so customer data cannot smuggle instructions into the prompt.
 */
import { getActiveSegmentationRun, type Db } from '../db/index.js';
import { AppError } from '../errors/app-error.js';

/** One segment as the answer cites it. */
export interface SegmentFact {
  segment: number;
  label: string;
  size: number;
  share: number;
  meanAge: number | null;
  meanIncome: number | null;
  meanSpending: number | null;
  action: string;
  recommendations: string[];
}

export interface RecommendationGrounding {
  runId: string;
  segments: SegmentFact[];
  /** Sentences given to the model and returned to the caller. */
  facts: string[];
}

interface StoredProfile {
  segment: number;
  size: number;
  share: number;
  label?: string;
  numeric?: Record<string, { mean?: number }>;
}
interface StoredRecommendation {
  segmentId: number | string;
  action?: string;
  recommendations?: { title?: string }[];
}

const MAX_RECOMMENDATIONS_PER_SEGMENT = 2;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const fmt = (v: number, digits: number) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const pct = (share: number) => `${fmt(share * 100, 1)}%`;

/** Engine text, cut short and on one line (defensive: it ends up in a prompt). */
const clean = (s: unknown, max = 200): string =>
  typeof s === 'string' ? s.replace(/\s+/g, ' ').trim().slice(0, max) : '';

export function describeSegmentFact(s: SegmentFact): string {
  const parts = [`${s.size.toLocaleString('en-US')} customers (${pct(s.share)})`];
  if (s.meanAge !== null) parts.push(`mean age ${fmt(s.meanAge, 1)}`);
  if (s.meanIncome !== null) parts.push(`mean annual income $${fmt(s.meanIncome, 0)}`);
  if (s.meanSpending !== null) parts.push(`mean spending score ${fmt(s.meanSpending, 1)}`);
  const action = s.action ? `; recommended action: ${s.action}` : '';
  const recs = s.recommendations.length ? `; ideas: ${s.recommendations.join('; ')}` : '';
  return `Segment ${s.segment} "${s.label}": ${parts.join(', ')}${action}${recs}.`;
}

/** Turns a stored run's `profiles` JSON into segment facts (largest segment first). */
export function segmentFacts(profiles: unknown): SegmentFact[] {
  const stored = (profiles ?? {}) as { profiles?: StoredProfile[]; recommendations?: StoredRecommendation[] };
  const recs = stored.recommendations ?? [];
  return (stored.profiles ?? [])
    .filter((p) => p.segment !== -1)
    .map((p) => {
      const rec = recs.find((r) => Number(r.segmentId) === p.segment);
      return {
        segment: p.segment,
        label: clean(p.label, 80) || `Segment ${p.segment}`,
        size: p.size,
        share: p.share,
        meanAge: num(p.numeric?.age?.mean),
        meanIncome: num(p.numeric?.annual_income?.mean),
        meanSpending: num(p.numeric?.spending_score?.mean),
        action: clean(rec?.action),
        recommendations: (rec?.recommendations ?? [])
          .map((r) => clean(r.title, 120))
          .filter((t) => t.length > 0)
          .slice(0, MAX_RECOMMENDATIONS_PER_SEGMENT),
      };
    })
    .sort((a, b) => b.size - a.size || a.segment - b.segment);
}

/** Overall insights: population, the extremes of spending and income. */
function insightFacts(segments: readonly SegmentFact[]): string[] {
  const total = segments.reduce((s, x) => s + x.size, 0);
  const facts = [`${total.toLocaleString('en-US')} segmented customers in ${segments.length} segments.`];
  const by = (key: 'meanSpending' | 'meanIncome') => segments.filter((s) => s[key] !== null);
  const spend = by('meanSpending').sort((a, b) => b.meanSpending! - a.meanSpending!);
  if (spend.length >= 2) {
    const [hi, lo] = [spend[0], spend[spend.length - 1]];
    facts.push(
      `Highest mean spending score: segment ${hi.segment} "${hi.label}" (${fmt(hi.meanSpending!, 1)}); lowest: segment ${lo.segment} "${lo.label}" (${fmt(lo.meanSpending!, 1)}).`,
    );
  }
  const income = by('meanIncome').sort((a, b) => b.meanIncome! - a.meanIncome!);
  if (income.length >= 2) {
    const top = income[0];
    facts.push(`Highest mean income: segment ${top.segment} "${top.label}" ($${fmt(top.meanIncome!, 0)}).`);
  }
  return facts;
}

/**
 * The grounding from the tenant's active segmentation run.
 * @throws AppError SEGMENTATION_NOT_RUN (not_found) when the tenant has no active run.
 */
export async function loadRecommendationGrounding(
  db: Db,
  tenantId: string,
): Promise<RecommendationGrounding> {
  const run = await getActiveSegmentationRun(db, tenantId);
  if (!run) {
    throw new AppError('SEGMENTATION_NOT_RUN', 'not_found', 'The tenant has no segmentation run yet.', {
      details: { hint: 'segment the customers first: POST /api/v1/segments/runs (or cohortlens segment)' },
    });
  }
  const segments = segmentFacts(run.profiles);
  return {
    runId: run.id,
    segments,
    facts: [...insightFacts(segments), ...segments.map(describeSegmentFact)],
  };
}
