/**
 * Segment recommendations: the seed's action rule (insights.recommender.
 * generate_segment_recommendations), kept word for word, plus richer recommendations derived from
 * each segment's profile, each with a rationale quoting the numbers it rests on.
 *
 * Seed action, first match wins:
 *   1. mean spending score > 60                        → "High spender: …"
 *   2. mean annual income > median income of everyone  → "High income: …"
 *   3. otherwise                                       → "Budget-conscious: …"
 * Extra rules (all that apply, in this order), with population comparisons where the seed had none:
 *   VIP: spending > 60 and income > population median;
 *   young high spenders: mean age < 35 and spending > 60 → social / mobile campaigns;
 *   affluent low spenders: income > 1.2 × population median and spending < 40 → premium re-engagement;
 *   large families: mean family size ≥ 4 (or ≥ population mean + 1) → bundles and family plans;
 *   high savings: median savings % ≥ 50 (or ≥ population median + 15 points) → investment products;
 *   stretched budgets: median savings % < 0 → budgeting tools and instalments, no credit push;
 *   seniors: mean age ≥ 55 → service-led loyalty and assisted channels;
 *   niche segments: share < 5 % → test small before scaling.
 * Priority: "high" when the seed action is high-spender or high-income and the segment holds
 * ≥ 10 % of customers; "low" below 5 %; otherwise "medium".
 *
 * Input: one profile per segment plus population statistics. Complexity: O(segments).
 */

/** Seed action texts, exact. */
export const SEED_ACTIONS = Object.freeze({
  highSpender: 'High spender: prioritize loyalty programs and premium offers.',
  highIncome: 'High income: upsell premium products and services.',
  budgetConscious: 'Budget-conscious: focus on value propositions and promotions.',
});

/** Mean or median of the customer features inside a group (any may be missing). */
export interface SegmentFeatureStats {
  age?: number;
  annualIncome?: number;
  spendingScore?: number;
  familySize?: number;
  workExperience?: number;
  savingsPercent?: number;
}

/** What is known about one segment. */
export interface SegmentProfile {
  segmentId: number | string;
  size: number;
  /** Share of all segmented customers, in [0, 1]. */
  share: number;
  means: SegmentFeatureStats;
  medians?: SegmentFeatureStats;
  label?: string;
}

/** Whole-population statistics the rules compare against. */
export interface PopulationProfile {
  /** Median annual income of all customers (the seed's rule 2). */
  medianIncome: number;
  means?: SegmentFeatureStats;
  medians?: SegmentFeatureStats;
}

/** One recommendation with the numbers behind it. */
export interface Recommendation {
  /** Stable machine id, e.g. "young_high_spenders". */
  id: string;
  title: string;
  rationale: string;
}

export type RecommendationPriority = 'high' | 'medium' | 'low';

/** Recommendations for one segment. */
export interface SegmentRecommendation {
  segmentId: number | string;
  label?: string;
  /** The seed's rule text, unchanged. */
  action: string;
  recommendations: Recommendation[];
  priority: RecommendationPriority;
}

const fmt = (v: number, digits = 1): string =>
  v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const money = (v: number): string => `$${fmt(v, 0)}`;
const pct = (share: number): string => `${fmt(share * 100, 1)}%`;

/** The seed's action for a segment (first matching rule). */
export function seedAction(means: SegmentFeatureStats, populationMedianIncome: number): string {
  if ((means.spendingScore ?? Number.NaN) > 60) return SEED_ACTIONS.highSpender;
  if ((means.annualIncome ?? Number.NaN) > populationMedianIncome) return SEED_ACTIONS.highIncome;
  return SEED_ACTIONS.budgetConscious;
}

/** Recommendations for every segment, in input order. */
export function recommendForSegments(
  segments: readonly SegmentProfile[],
  population: PopulationProfile,
): SegmentRecommendation[] {
  return segments.map((s) => recommendForSegment(s, population));
}

/** Recommendations for one segment. */
export function recommendForSegment(
  segment: SegmentProfile,
  population: PopulationProfile,
): SegmentRecommendation {
  const m = segment.means;
  const med = segment.medians ?? {};
  const popMeans = population.means ?? {};
  const popMedians = population.medians ?? {};
  const action = seedAction(m, population.medianIncome);
  const recs: Recommendation[] = [];
  const spending = m.spendingScore ?? Number.NaN;
  const income = m.annualIncome ?? Number.NaN;
  const age = m.age ?? Number.NaN;
  const popSpending = popMeans.spendingScore;
  const spendingVsPop = popSpending === undefined ? '' : ` (all customers: ${fmt(popSpending)})`;
  const incomeVsPop = `population median ${money(population.medianIncome)}`;

  if (spending > 60 && income > population.medianIncome) {
    recs.push({
      id: 'vip_tier',
      title: 'VIP tier with early access and concierge service',
      rationale: `Mean spending score ${fmt(spending)}${spendingVsPop} and mean income ${money(income)} above the ${incomeVsPop}: high value on both axes, worth protecting.`,
    });
  }
  if (age < 35 && spending > 60) {
    recs.push({
      id: 'young_high_spenders',
      title: 'Social and mobile-first campaigns',
      rationale: `Mean age ${fmt(age)} with mean spending score ${fmt(spending)}${spendingVsPop}: young, engaged buyers reached best through social media, app notifications and influencer offers.`,
    });
  }
  if (income > 1.2 * population.medianIncome && spending < 40) {
    recs.push({
      id: 'affluent_low_spenders',
      title: 'Premium re-engagement',
      rationale: `Mean income ${money(income)} is ${fmt(income / population.medianIncome, 2)}× the ${incomeVsPop}, yet mean spending score is only ${fmt(spending)}: untapped wallet share; try curated premium offers and personal outreach.`,
    });
  }
  const family = m.familySize ?? Number.NaN;
  const popFamily = popMeans.familySize;
  if (family >= 4 || (popFamily !== undefined && family >= popFamily + 1)) {
    recs.push({
      id: 'large_families',
      title: 'Family bundles and multi-buy discounts',
      rationale: `Mean family size ${fmt(family)}${popFamily === undefined ? '' : ` vs ${fmt(popFamily)} overall`}: household bundles and family plans match how this group buys.`,
    });
  }
  const savings = med.savingsPercent ?? m.savingsPercent ?? Number.NaN;
  const savingsKind = med.savingsPercent !== undefined ? 'Median' : 'Mean';
  const popSavings = popMedians.savingsPercent;
  if (savings >= 50 || (popSavings !== undefined && savings >= popSavings + 15)) {
    recs.push({
      id: 'high_savings',
      title: 'Investment and savings products',
      rationale: `${savingsKind} estimated savings ${fmt(savings)}% of monthly income${popSavings === undefined ? '' : ` vs ${fmt(popSavings)}% overall`}: spare capacity for investment, insurance or subscription upgrades.`,
    });
  } else if (savings < 0) {
    recs.push({
      id: 'stretched_budgets',
      title: 'Budgeting tools and flexible instalments',
      rationale: `${savingsKind} estimated savings ${fmt(savings)}%: estimated spending exceeds income, so favour value packs and instalment options over credit-heavy upsells.`,
    });
  }
  if (age >= 55) {
    recs.push({
      id: 'seniors',
      title: 'Service-led loyalty and assisted channels',
      rationale: `Mean age ${fmt(age)}: reward tenure, offer phone or in-store assistance and simpler digital journeys.`,
    });
  }
  if (segment.share < 0.05) {
    recs.push({
      id: 'niche_segment',
      title: 'Test small before scaling',
      rationale: `Only ${pct(segment.share)} of customers (${fmt(segment.size, 0)}): run a low-cost pilot before dedicating budget.`,
    });
  }
  const valuable = action !== SEED_ACTIONS.budgetConscious;
  const priority: RecommendationPriority =
    segment.share < 0.05 ? 'low' : valuable && segment.share >= 0.1 ? 'high' : 'medium';
  return { segmentId: segment.segmentId, label: segment.label, action, recommendations: recs, priority };
}
