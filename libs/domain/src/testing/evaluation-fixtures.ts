/**
 * Evaluation fixtures for the domain specs, on the council tender of notice-fixtures.ts: a tender
 * opened with N bids, compliance decisions, a panel, declarations, scores, submissions, and whole
 * "fully evaluated" histories that later stages (award, challenge, contract) start from.
 */
import { awardDecider } from '../award/decide';
import type { AwardCommand } from '../award/commands';
import { DEFAULT_STANDSTILL_RULES } from '../award/standstill';
import type { BidSubmitted } from '../tender/events/bidding';
import type {
  BidComplianceRecorded,
  BidScored,
  ConflictOfInterestDeclared,
  EvaluationPanelAppointed,
  EvaluationSubmitted,
  PanelMembershipAccepted,
  ScoreModerated,
} from '../tender/events/evaluation';
import type { ExclusionReasonCode } from '../tender/exclusion-reasons';
import {
  evolveTenderView,
  initialTenderView,
  type TenderView,
  type TenderViewEvent,
} from '../tender/tender-view';
import type { BidsOpened } from '../tender/events/notice';
import type { NoticeTerms } from '../tender/terms';
import type { Actor } from '../shared/actor';
import { fold, type Decider } from '../shared/domain-event';
import { bidStream } from '../shared/stream-names';
import { bidFacts, HASH_A, HASH_B } from './bid-fixtures';
import { scenario, type Scenario, type ScenarioTimes } from './scenario';
import { officer, secondOfficer, TENDER_ID, terms } from './notice-fixtures';

export const ACME = 'org-acme';
export const BETA = 'org-beta';
export const CEDAR = 'org-cedar';
export const HASH_C = 'c'.repeat(64);
export const HASHES: Record<string, string> = { [ACME]: HASH_A, [BETA]: HASH_B, [CEDAR]: HASH_C };
/** Bid prices as read from the opened bids. */
export const PRICES: Record<string, number> = {
  [ACME]: 200_000,
  [BETA]: 180_000,
  [CEDAR]: 240_000,
};

export const thirdSupplier: Actor = { userId: 'u-cy', organisationId: CEDAR, role: 'supplier' };

/** The notice's evaluatorCount is 3 (notice-fixtures). */
export const EVA = 'u-eva';
export const EVAN = 'u-evan';
export const EWAN = 'u-ewan';
export const PANEL = [EVA, EVAN, EWAN];
export const evaluator = (userId: string): Actor => ({
  userId,
  organisationId: 'org-council',
  role: 'evaluator',
});
/** Legal of the buyer: `legal` acts for its own authority only. */
export const legal: Actor = { userId: 'u-lee', organisationId: 'org-council', role: 'legal' };
export const foreignLegal: Actor = { userId: 'u-lou', organisationId: 'org-review', role: 'legal' };

export const OPENED_AT = '2025-04-01T09:00:00.000Z';
/** When compliance, panel, declarations and scores are recorded. */
export const EVAL_AT = '2025-04-02T10:00:00.000Z';
export const EVAL_NOW = new Date(EVAL_AT);
export const SUBMITTED_AT = '2025-04-07T16:00:00.000Z';
/** A Monday: the UK standstill counts 14–17 and 22–25 April 2025 (Good Friday, Easter Monday skipped). */
export const AWARD_AT = '2025-04-14T10:00:00.000Z';
export const AWARD_NOW = new Date(AWARD_AT);
/** London midnight (BST) at the end of 25 April 2025. */
export const STANDSTILL_ENDS_AT = '2025-04-25T23:00:00.000Z';

export const bidOf = (supplierId: string, hash = HASHES[supplierId]): BidSubmitted => ({
  type: 'BidSubmitted',
  data: { ...bidFacts({ hash }), supplierId },
});

export const bidsOpened = (suppliers: readonly string[]): BidsOpened => ({
  type: 'BidsOpened',
  data: {
    openedAt: OPENED_AT,
    officerIds: [officer.userId, secondOfficer.userId],
    bidStreams: suppliers.map((supplierId) => ({
      supplierId,
      streamName: bidStream(TENDER_ID, supplierId),
      revision: 0,
      hash: 'f'.repeat(64),
    })),
  },
});

export interface OpeningOptions {
  /** When each stage acts (the scenario's defaults otherwise). */
  times?: Partial<ScenarioTimes>;
  /** The notice as stored before today's checks on terms (see `Scenario.publish`). */
  storedNotice?: boolean;
}

/** Published, N bids, closed at the deadline, opened by two officers: stage evaluation, round 1. */
export const openedScenario = (
  suppliers: readonly string[] = [ACME, BETA],
  t: NoticeTerms = terms(),
  options: OpeningOptions = {},
): Scenario => {
  const s = scenario({ terms: t, times: options.times }).publish({ stored: options.storedNotice });
  for (const supplierId of suppliers) s.bid(supplierId, { contentHash: HASHES[supplierId] });
  return s.closed().opened();
};

export const openedWith = (
  suppliers: readonly string[] = [ACME, BETA],
  t: NoticeTerms = terms(),
  options: OpeningOptions = {},
): TenderViewEvent[] => openedScenario(suppliers, t, options).events();

/** What the server reads from an opened bid for RecordCompliance. */
export const openedBid = (supplierId: string, amount = PRICES[supplierId]) => ({
  contentHash: HASHES[supplierId],
  price: { amount, currency: 'GBP' },
});

export const passed = (
  supplierId: string,
  amount = PRICES[supplierId],
  round = 1,
): BidComplianceRecorded => ({
  type: 'BidComplianceRecorded',
  data: {
    supplierId,
    ...openedBid(supplierId, amount),
    decision: 'passed',
    recordedAt: EVAL_AT,
    recordedBy: officer.userId,
    round,
  },
});

export const REASON_TEXT = 'The method statement does not cover evidence retention at all';

/**
 * An exclusion as stored; `null` leaves the reason code or text out. The seeds' one-word reasons
 * ("Price.", "Late.") can only come from stored history: RecordCompliance refuses them. Without a
 * `requirement` it is an exclusion as recorded before exclusions had to name one.
 */
export const excluded = (
  supplierId: string,
  reasonCode: ExclusionReasonCode | null = 'requirements-not-met',
  reasonText: string | null = REASON_TEXT,
  round = 1,
  requirement?: string,
): BidComplianceRecorded => ({
  type: 'BidComplianceRecorded',
  data: {
    supplierId,
    ...openedBid(supplierId),
    decision: 'excluded',
    ...(reasonCode === null ? {} : { reasonCode }),
    ...(reasonText === null ? {} : { reasonText }),
    ...(requirement === undefined ? {} : { requirement }),
    recordedAt: EVAL_AT,
    recordedBy: officer.userId,
    round,
  },
});

/** The appointment alone: it binds nobody until each member accepts. */
export const panelAppointed = (
  evaluatorIds: string[] = PANEL,
  round = 1,
): EvaluationPanelAppointed => ({
  type: 'EvaluationPanelAppointed',
  data: {
    evaluatorIds,
    appointedAt: EVAL_AT,
    appointedBy: officer.userId,
    round,
    acceptanceRequired: true,
  },
});

/** A member's acceptance, with the token of an evaluator of the council (the buyer). */
export const panelAccepted = (evaluatorId: string, round = 1): PanelMembershipAccepted => ({
  type: 'PanelMembershipAccepted',
  data: { evaluatorId, organisationId: 'org-council', acceptedAt: EVAL_AT, round },
});

/** A panel as it stood before acceptance existed: appointed, and every member accepted. */
export const panelSeated = (evaluatorIds: string[] = PANEL, round = 1) => [
  panelAppointed(evaluatorIds, round),
  ...evaluatorIds.map((evaluatorId) => panelAccepted(evaluatorId, round)),
];

export const CONFLICT_STATEMENT = 'My spouse is a director of this supplier and holds shares in it';

export const declared = (
  evaluatorId: string,
  supplierId: string,
  conflict = false,
): ConflictOfInterestDeclared => ({
  type: 'ConflictOfInterestDeclared',
  data: {
    evaluatorId,
    supplierId,
    conflict,
    ...(conflict ? { statement: CONFLICT_STATEMENT } : {}),
    declaredAt: EVAL_AT,
  },
});

/** A justification naming the bid and criterion, never the evaluator. `n` tells evaluators apart. */
export const justification = (supplierId: string, criterionId: string, n = 1) =>
  `Reviewer ${n} finds the ${criterionId} answer of ${supplierId} well evidenced`;

export const scored = (
  evaluatorId: string,
  supplierId: string,
  criterionId: string,
  score: number,
  text = justification(supplierId, criterionId, PANEL.indexOf(evaluatorId) + 1),
  round = 1,
): BidScored => ({
  type: 'BidScored',
  data: {
    evaluatorId,
    supplierId,
    criterionId,
    score,
    justification: text,
    scoredAt: EVAL_AT,
    round,
  },
});

export const submitted = (
  evaluatorId: string,
  scoredBids: string[],
  round = 1,
): EvaluationSubmitted => ({
  type: 'EvaluationSubmitted',
  data: { evaluatorId, round, submittedAt: SUBMITTED_AT, scoredBids },
});

export const moderated = (
  supplierId: string,
  criterionId: string,
  agreedScore: number,
  evaluatorScores: number[],
  reason?: string,
): ScoreModerated => ({
  type: 'ScoreModerated',
  data: {
    supplierId,
    criterionId,
    agreedScore,
    evaluatorScores,
    ...(reason === undefined ? {} : { reason }),
    moderatedAt: SUBMITTED_AT,
    moderatedBy: officer.userId,
    round: 1,
  },
});

/** Quality scores per criterion: one for every evaluator, or one per panel member in panel order. */
export type ScorePlan = Record<string, number | number[]>;

export interface BidPlan {
  supplierId: string;
  price?: number;
  /** Absent: the bid passes compliance with DEFAULT_SCORES of its supplier. */
  scores?: ScorePlan;
  /** Excluded, by default with a listed code and REASON_TEXT; `null` leaves either out. */
  exclusion?: { reasonCode?: ExclusionReasonCode | null; reasonText?: string | null };
}

/**
 * Default scores, with terms() (quality 60, social 10, price 30, relative to the lowest price):
 * ACME 48 + 6 + 27 = 81, BETA 36 + 7 + 30 = 73, CEDAR 42 + 5 + 22.5 = 69.5.
 */
export const DEFAULT_SCORES: Record<string, ScorePlan> = {
  [ACME]: { quality: 8, social: 6 },
  [BETA]: { quality: 6, social: 7 },
  [CEDAR]: { quality: 7, social: 5 },
};

export interface EvaluationPlan {
  bids?: (string | BidPlan)[];
  panel?: string[];
  terms?: NoticeTerms;
  /** false: declarations and scores are recorded, nobody has submitted. */
  submit?: boolean;
  times?: Partial<ScenarioTimes>;
  /** The panel appointment as stored before its size was checked (a panel short of the notice's). */
  storedPanel?: boolean;
}

/**
 * A tender opened with the planned bids, compliance recorded on each, the panel appointed and seated, and every
 * evaluator's declarations (no conflicts), scores and submission: ready for an award.
 */
export function fullyEvaluated(plan: EvaluationPlan = {}): TenderViewEvent[] {
  return fullyEvaluatedScenario(plan).events();
}

export function fullyEvaluatedScenario({
  bids = [ACME, BETA],
  panel = PANEL,
  terms: t = terms(),
  submit = true,
  times,
  storedPanel = false,
}: EvaluationPlan = {}): Scenario {
  const plans = bids.map((bid): BidPlan => (typeof bid === 'string' ? { supplierId: bid } : bid));
  const compliant = plans.filter((plan) => !plan.exclusion);
  const s = openedScenario(
    plans.map((plan) => plan.supplierId),
    t,
    { times },
  ).at(EVAL_AT);
  for (const plan of plans) {
    const price = plan.price ?? PRICES[plan.supplierId];
    if (!plan.exclusion) s.passed(plan.supplierId, { price });
    // An exclusion that names no requirement, as recorded before rule 4 asked for one: stored history.
    else
      s.stored(
        officer,
        excluded(plan.supplierId, plan.exclusion.reasonCode, plan.exclusion.reasonText),
      );
  }
  if (!storedPanel) s.panel(panel);
  else {
    s.stored(officer, panelAppointed(panel));
    for (const evaluatorId of panel) s.accepted(evaluatorId);
  }
  panel.forEach((evaluatorId, index) => {
    for (const plan of compliant) {
      const scores = plan.scores ?? DEFAULT_SCORES[plan.supplierId];
      s.declared(evaluatorId, plan.supplierId).scored(
        evaluatorId,
        plan.supplierId,
        Object.fromEntries(
          Object.entries(scores).map(([criterionId, score]) => [
            criterionId,
            Array.isArray(score) ? score[index] : score,
          ]),
        ),
        { reviewer: index + 1 },
      );
    }
    if (submit) s.submittedBy(evaluatorId, { at: SUBMITTED_AT });
  });
  return s.at();
}

/** The history followed by what the decider decides for each command in turn. */
export function after<Command>(
  decider: Decider<Command, TenderViewEvent, TenderView>,
  history: readonly TenderViewEvent[],
  ...commands: Command[]
): TenderViewEvent[] {
  const events = [...history];
  for (const command of commands) {
    events.push(...decider.decide(command, viewOf(events)));
  }
  return events;
}

export const viewOf = (history: readonly TenderViewEvent[]): TenderView =>
  fold(evolveTenderView, initialTenderView(), history);

/** ProposeAward by the first officer on the Monday of AWARD_AT, on the UK calendars. */
export const proposeAward = (
  supplierId = ACME,
  extra: Partial<Extract<AwardCommand, { type: 'ProposeAward' }>> = {},
): AwardCommand => ({
  type: 'ProposeAward',
  actor: officer,
  now: AWARD_NOW,
  supplierId,
  standstillRules: DEFAULT_STANDSTILL_RULES,
  ...extra,
});

/** Fully evaluated (ACME first, BETA second) and awarded to ACME: in standstill until STANDSTILL_ENDS_AT. */
export const inStandstill = (history: readonly TenderViewEvent[] = fullyEvaluated()) =>
  after(awardDecider, history, proposeAward());
