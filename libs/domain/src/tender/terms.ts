/** What a contracting authority publishes: the terms every supplier bids against. Times are ISO 8601 UTC. */
export interface NoticeTerms {
  title: string;
  description: string;
  /** Common Procurement Vocabulary codes, e.g. "72000000-5". */
  cpvCodes: string[];
  estimatedValue: Money;
  procedure: Procedure;
  awardCriteria: AwardCriterion[];
  scoringScale: ScoringScale;
  /** How a price criterion is scored; absent in notices drafted before it existed: relative-to-lowest. */
  priceScoring?: PriceScoring;
  /** At least 2: an award needs this many compliant bids (docs/rules.md#minimum-competition). */
  minimumBids: number;
  /** At least 2 (rule 3). */
  evaluatorCount: number;
  clarificationDeadline: string;
  submissionDeadline: string;
  /** Whole days a supplier must have to respond after the notice or an amendment is published (rule 6). */
  minimumResponseDays: number;
  /** Decides the standstill rules later (UK Procurement Act 2023 or EU Remedies Directive). */
  jurisdiction: Jurisdiction;
  /**
   * Whether tenders may be submitted electronically. Absent (notices drafted before it existed): true,
   * as Fairtender bids always are. `false` where the notice also asks for a part by other means
   * (samples, physical models), which lengthens the statutory minimum tendering period.
   */
  electronicSubmission?: boolean;
  /** A tendering period shorter than the normal statutory minimum, relying on a listed ground. */
  reducedTenderingPeriod?: ReducedTenderingPeriod;
  /**
   * The contract's period and its maximum term including any extension options (issue 15; OCDS
   * `tender.contractPeriod`). Absent in notices drafted before it existed: the concluded contract
   * then states its own period, and its term on award is that period.
   */
  contractTerm?: ContractTerm;
}

export interface ContractTerm {
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD, inclusive: the end of the initial period. */
  endDate: string;
  /** Whole months, the initial period plus every extension option (Procurement Act 2023 s.74(3)(a)). */
  maximumTermMonths: number;
}

/**
 * The listed grounds for a reduced tendering period: UK Procurement Act 2023 s.54 (a qualifying planned
 * procurement notice, or urgency); Directive 2014/24/EU Arts. 27–28 (a prior information notice, or a
 * duly substantiated urgency).
 */
export const REDUCED_PERIOD_GROUNDS = [
  'planned-procurement-notice',
  'prior-information-notice',
  'urgency',
] as const;
export type ReducedPeriodGround = (typeof REDUCED_PERIOD_GROUNDS)[number];

export interface ReducedTenderingPeriod {
  ground: ReducedPeriodGround;
  /** Why the ground applies, published with the notice. */
  justification: string;
  /** For a planned procurement / prior information notice: when it was published (ISO 8601). */
  priorNoticePublishedAt?: string;
}

export interface Money {
  amount: number;
  /** ISO 4217, e.g. "GBP". */
  currency: string;
}

export const PROCEDURES = ['open', 'restricted', 'competitive_flexible'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const JURISDICTIONS = ['uk-pa-2023', 'eu-remedies'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export interface AwardCriterion {
  /** Short stable id, e.g. "quality". Bid responses and scores refer to it. */
  id: string;
  name: string;
  /** Percent; the weights of a notice sum to 100. */
  weight: number;
  /** `price` criteria are scored from the bid price, `quality` criteria by evaluators. */
  kind: 'quality' | 'price';
}

/**
 * `relative-to-lowest`: the lowest price scores the top of the scale, others lowest ÷ price of it.
 * `linear`: the lowest scores the top, the highest the bottom, linearly between.
 */
export const PRICE_SCORING_METHODS = ['relative-to-lowest', 'linear'] as const;
export type PriceScoring = (typeof PRICE_SCORING_METHODS)[number];

export interface ScoringScale {
  min: number;
  max: number;
}

/** The fields an amendment may change. */
export type AmendableTerms = Partial<
  Pick<
    NoticeTerms,
    | 'title'
    | 'description'
    | 'cpvCodes'
    | 'estimatedValue'
    | 'clarificationDeadline'
    | 'submissionDeadline'
  >
>;
