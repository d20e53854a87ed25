/**
 * The deterministic answer: the original's keyword routing (first match wins: segment/cluster,
 * predict/spending, recommend/recomend; else a summary), but citing the tenant's actual segments
 * instead of generic text.
 */
import { describeSegmentFact, type SegmentFact } from './recommendation-facts.js';

const fmt = (v: number, digits: number) =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const name = (s: SegmentFact) => `segment ${s.segment} "${s.label}"`;
const pct = (share: number) => `${fmt(share * 100, 1)}%`;

function bySpending(segments: readonly SegmentFact[]): SegmentFact[] {
  return segments.filter((s) => s.meanSpending !== null).sort((a, b) => b.meanSpending! - a.meanSpending!);
}

export function ruleBasedAnswer(query: string, segments: readonly SegmentFact[]): string {
  if (segments.length === 0) {
    return 'The active segmentation run has no segments to cite; run a new segmentation and ask again.';
  }
  const q = query.toLowerCase();
  const largest = segments[0];
  if (q.includes('segment') || q.includes('cluster')) {
    const list = segments
      .map((s) => `${name(s)} with ${s.size.toLocaleString('en-US')} customers (${pct(s.share)})`)
      .join('; ');
    return `Your customers form ${segments.length} segments by age, income and spending score: ${list}. The largest is ${name(largest)}. ${describeSegmentFact(largest)}`;
  }
  const spenders = bySpending(segments);
  if (q.includes('predict') || q.includes('spending')) {
    if (spenders.length >= 2) {
      const [hi, lo] = [spenders[0], spenders[spenders.length - 1]];
      return `Spending differs most between ${name(hi)} (mean spending score ${fmt(hi.meanSpending!, 1)}) and ${name(lo)} (${fmt(lo.meanSpending!, 1)}). To predict an individual customer's score use POST /api/v1/predict-spending with age, income, work experience, family size and profession.`;
    }
    return 'To predict an individual customer’s spending score use POST /api/v1/predict-spending with age, income, work experience, family size and profession.';
  }
  if (q.includes('recommend') || q.includes('recomend')) {
    const withAction = segments.filter((s) => s.action).slice(0, 3);
    const actions = withAction.map((s) => `for ${name(s)} (${pct(s.share)}): ${s.action}`).join(' ');
    const top = spenders[0];
    const loyalty = top ? ` High spenders in ${name(top)} suit loyalty programs.` : '';
    return `${actions || describeSegmentFact(largest)}${loyalty}`.trim();
  }
  const action = largest.action ? ` Recommended action there: ${largest.action}` : '';
  return `Your largest group is ${name(largest)} with ${largest.size.toLocaleString('en-US')} customers (${pct(largest.share)}).${action} Ask about segments, spending or recommendations for specifics.`;
}
