import { describe, expect, it } from 'vitest';
import { segmentFacts } from './recommendation-facts.js';
import { ruleBasedAnswer } from './rule-based-answer.js';

const stored = {
  profiles: [
    {
      segment: 0,
      size: 60,
      share: 0.3,
      label: 'Young high spenders',
      numeric: { age: { mean: 25 }, annual_income: { mean: 40000 }, spending_score: { mean: 80 } },
    },
    {
      segment: 1,
      size: 100,
      share: 0.5,
      label: 'Affluent savers',
      numeric: { age: { mean: 45 }, annual_income: { mean: 120000 }, spending_score: { mean: 20 } },
    },
    {
      segment: 2,
      size: 40,
      share: 0.2,
      label: 'Middle',
      numeric: { age: { mean: 38 }, annual_income: { mean: 70000 }, spending_score: { mean: 50 } },
    },
    { segment: -1, size: 5, share: 0, label: 'Noise', numeric: {} },
  ],
  recommendations: [
    { segmentId: 1, action: 'Premium upselling', recommendations: [{ title: 'Offer premium tier' }] },
    { segmentId: 0, action: 'Loyalty programme\nnow', recommendations: [] },
  ],
};

describe('segmentFacts + ruleBasedAnswer', () => {
  const segments = segmentFacts(stored);

  it('orders segments by size, drops noise and flattens engine text', () => {
    expect(segments.map((s) => s.segment)).toEqual([1, 0, 2]);
    expect(segments[1].action).toBe('Loyalty programme now');
    expect(segments[0].recommendations).toEqual(['Offer premium tier']);
  });

  it('routes by keyword as the original, citing the actual segments', () => {
    expect(ruleBasedAnswer('show me the clusters', segments)).toMatch(
      /^Your customers form 3 segments.*segment 1 "Affluent savers" with 100 customers \(50%\)/,
    );
    const spending = ruleBasedAnswer('predict spending', segments);
    expect(spending).toContain('segment 0 "Young high spenders" (mean spending score 80)');
    expect(spending).toContain('segment 1 "Affluent savers" (20)');
    const rec = ruleBasedAnswer('what do you recommend?', segments);
    expect(rec).toContain('for segment 1 "Affluent savers" (50%): Premium upselling');
    expect(rec).toContain('High spenders in segment 0 "Young high spenders" suit loyalty programs.');
    expect(ruleBasedAnswer('hello', segments)).toMatch(/^Your largest group is segment 1 "Affluent savers"/);
  });
});
