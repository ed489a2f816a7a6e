/**
 * The one builder of a tender's test history (docs/testing.md#the-scenario-builder). Every step issues
 * the command a user would and runs the real decider on the tender as it stands, so a history built
 * here is one the rules allow and cannot drift from them; a refused step throws, naming the step.
 *
 *   const history = scenario().publish().bids(ACME, BETA).closed().opened().passed(ACME);
 *   given(evaluationDecider, history.events()).when(appointPanel).then([...]);
 *
 * Each event is kept with its stream (tender, a supplier's bid stream, an evaluator's stream) and the
 * actor who caused it, so integration tests and benchmarks can append the same history to an event
 * store (`test/support/scenario-store.ts`). Defaults are the council tender of notice-fixtures.ts;
 * every step takes overrides, and `at(iso)` moves the clock for the steps after it.
 *
 * Adding a step: write one method that builds the command (actor and time from `this.by`) and calls
 * `onTender`, `onBid` or `onView` with the stage's decider (see `contractConcluded`), plus a default
 * time in `ScenarioTimes` if the stage has its own moment.
 */
import { awardDecider } from '../award/decide';
import type { AwardCommand } from '../award/commands';
import { DEFAULT_STANDSTILL_RULES, type StandstillRules } from '../award/standstill';
import { bidDecider } from '../bidding/decide';
import type { BidCommand, SealedBid } from '../bidding/commands';
import { challengeDecider } from '../challenge/decide';
import type { ChallengeCommand } from '../challenge/commands';
import { contractDecider } from '../contract/decide';
import type { ContractCommand } from '../contract/commands';
import { DEFAULT_CHANGE_THRESHOLDS, type ChangeThresholds } from '../contract/thresholds';
import { evaluationDecider } from '../evaluation/decide';
import type { CriterionScore, EvaluationCommand } from '../evaluation/commands';
import { tenderDecider } from '../notice/decide';
import type { NoticeCommand } from '../notice/commands';
import type { Actor, CommandActor } from '../shared/actor';
import { isDomainError } from '../shared/domain-error';
import type { Decider } from '../shared/domain-event';
import { bidStream, evaluatorStream, tenderStream } from '../shared/stream-names';
import { initialBidState, type BidDecisionState } from '../tender/bid-state';
import type { BidDocumentFacts, SealedContent } from '../tender/bid-content';
import type { ContractChange, ContractPeriod } from '../tender/events/contract';
import type { BidStreamHead } from '../tender/events/notice';
import type { BidEvent } from '../tender/events/bidding';
import {
  evolveTenderStreams,
  initialTenderView,
  tenderStreamKindOf,
  type TenderStreamKind,
  type TenderView,
  type TenderViewEvent,
} from '../tender/tender-view';
import type { AmendableTerms, Money, NoticeTerms } from '../tender/terms';

/** The council's notice of notice-fixtures.ts: three criteria, a panel of three, March 2025 deadlines. */
export function councilTerms(overrides: Partial<NoticeTerms> = {}): NoticeTerms {
  return {
    title: 'Body-worn cameras',
    description: 'Cameras and evidence storage for 400 wardens',
    cpvCodes: ['35125300-2'],
    estimatedValue: { amount: 250_000, currency: 'GBP' },
    procedure: 'open',
    awardCriteria: [
      { id: 'quality', name: 'Technical quality', weight: 60, kind: 'quality' },
      { id: 'social', name: 'Social value', weight: 10, kind: 'quality' },
      { id: 'price', name: 'Price', weight: 30, kind: 'price' },
    ],
    scoringScale: { min: 0, max: 10 },
    minimumBids: 2,
    evaluatorCount: 3,
    clarificationDeadline: '2025-03-24T12:00:00.000Z',
    submissionDeadline: '2025-03-31T12:00:00.000Z',
    minimumResponseDays: 15,
    jurisdiction: 'uk-pa-2023',
    ...overrides,
  };
}

/** One event of the history, with the stream it is appended to and who caused it. */
export interface ScenarioEntry {
  kind: TenderStreamKind;
  /** `tender-<id>`, `tender-<id>.bid-<supplier>` or `tender-<id>.evaluator-<evaluator>`. */
  streamName: string;
  event: TenderViewEvent;
  actor: CommandActor;
}

/** When each stage acts unless a step says `at` or the clock was moved with `at(iso)`. */
export interface ScenarioTimes {
  drafted: string;
  /** Publication, questions, answers and bids. */
  published: string;
  /** Opening (both officers); tendering closes at the notice's submission deadline. */
  opened: string;
  /** Compliance, panel, acceptances, declarations and scores. */
  evaluation: string;
  /** Submissions and moderation. */
  submitted: string;
  /** Award proposal and confirmation: a Monday, so the UK standstill is easy to count. */
  award: string;
  /** Challenges, lodged within the standstill. */
  challenge: string;
  /** Contract conclusion and changes, after the standstill. */
  contract: string;
}

export const SCENARIO_TIMES: ScenarioTimes = {
  drafted: '2025-03-01T10:00:00.000Z',
  published: '2025-03-03T09:00:00.000Z',
  opened: '2025-04-01T09:00:00.000Z',
  evaluation: '2025-04-02T10:00:00.000Z',
  submitted: '2025-04-07T16:00:00.000Z',
  award: '2025-04-14T10:00:00.000Z',
  challenge: '2025-04-16T10:00:00.000Z',
  contract: '2025-04-28T10:00:00.000Z',
};

export interface ScenarioOptions {
  tenderId?: string;
  /** The buyer: its officers draft, open and award; its evaluators score. */
  buyer?: string;
  terms?: NoticeTerms;
  /** The two officers opening needs; the first drafts and acts unless a step names another. */
  officers?: [Actor, Actor];
  /** Legal of the buyer, who resolves challenges. */
  legal?: Actor;
  times?: Partial<ScenarioTimes>;
  /** A supplier organisation's user; default `u-<supplierId>`. */
  supplierUser?: (supplierId: string) => string;
  /** The hash a stored opening anchors for each bid head (the store computes the real one). */
  headHash?: (supplierId: string) => string;
}

interface At {
  at?: string;
  actor?: Actor;
}

export interface BidOptions extends At {
  contentHash?: string;
  sizeBytes?: number;
  sealed?: Partial<SealedContent>;
  documents?: BidDocumentFacts[];
  idempotencyKey?: string;
}

export interface ComplianceOptions extends At {
  price?: Money | number;
  /** The hash read from the opened bid; default the bid's own. */
  contentHash?: string;
}

export interface ExclusionOptions extends ComplianceOptions {
  reasonCode?: string;
  reasonText?: string;
  requirement?: string;
}

export const SCENARIO_REASON_TEXT = 'The method statement does not cover evidence retention at all';
export const SCENARIO_CONFLICT_STATEMENT =
  'My spouse is a director of this supplier and holds shares in it';

/** A justification naming the bid and criterion, never the evaluator; `n` tells evaluators apart. */
export const scenarioJustification = (supplierId: string, criterionId: string, n = 1) =>
  `Reviewer ${n} finds the ${criterionId} answer of ${supplierId} well evidenced`;

const DAY_MS = 24 * 60 * 60 * 1000;

export class Scenario {
  readonly tenderId: string;
  readonly buyer: string;
  readonly officers: [Actor, Actor];
  readonly legal: Actor;
  readonly times: ScenarioTimes;
  private readonly terms: NoticeTerms;
  private readonly supplierUser: (supplierId: string) => string;
  private readonly headHash: (supplierId: string) => string;
  private readonly log: ScenarioEntry[] = [];
  private current: TenderView = initialTenderView();
  private pinned: string | undefined;
  private questions = 0;
  private challenges = 0;
  private changes = 0;
  private sealingKeyId = 'dk-1';
  private readonly streamLengths = new Map<string, number>();

  constructor(options: ScenarioOptions = {}) {
    this.tenderId = options.tenderId ?? 't-cameras';
    this.buyer = options.buyer ?? 'org-council';
    this.terms = options.terms ?? councilTerms();
    this.officers = options.officers ?? [
      { userId: 'u-alice', organisationId: this.buyer, role: 'officer' },
      { userId: 'u-bob', organisationId: this.buyer, role: 'officer' },
    ];
    this.legal = options.legal ?? { userId: 'u-lee', organisationId: this.buyer, role: 'legal' };
    this.times = { ...SCENARIO_TIMES, ...options.times };
    this.supplierUser = options.supplierUser ?? ((supplierId) => `u-${supplierId}`);
    this.headHash = options.headHash ?? (() => 'f'.repeat(64));
  }

  // ---- reading the history --------------------------------------------------------------------

  /** The events in the order they were decided (the global order a store would give them). */
  events(): TenderViewEvent[] {
    return this.log.map((entry) => entry.event);
  }

  /** The events with their streams and actors, for appending to a store. */
  entries(): readonly ScenarioEntry[] {
    return this.log;
  }

  /** The tender as the deciders see it now (the builder's own: later steps change it). */
  view(): TenderView {
    return this.current;
  }

  /** The suppliers with a bid stream, in the order they first bid. */
  bidders(): string[] {
    const suppliers = this.log
      .filter((entry) => entry.kind === 'bid')
      .map((entry) => (entry.event as BidEvent).data.supplierId);
    return [...new Set(suppliers)];
  }

  // ---- clock and actors -----------------------------------------------------------------------

  /** Every later step acts at `iso` unless it says otherwise; `at()` goes back to the defaults. */
  at(iso?: string): this {
    this.pinned = iso;
    return this;
  }

  supplier(supplierId: string): Actor {
    return { userId: this.supplierUser(supplierId), organisationId: supplierId, role: 'supplier' };
  }

  evaluator(evaluatorId: string): Actor {
    return { userId: evaluatorId, organisationId: this.buyer, role: 'evaluator' };
  }

  // ---- notice ---------------------------------------------------------------------------------

  draft(options: At & { terms?: NoticeTerms } = {}): this {
    return this.onTender({
      type: 'DraftTender',
      tenderId: this.tenderId,
      terms: options.terms ?? this.terms,
      ...this.by(options, 'drafted'),
    });
  }

  /**
   * Drafted first if it was not. The sealing key is `dk-1` unless given. `stored`: a notice as stored
   * before today's checks on terms and periods (drafted, published, key issued, as they were written),
   * for specs of rules that must hold on old history too.
   */
  publish(
    options: At & { sealingKey?: { keyId: string; wrappedKey: string }; stored?: boolean } = {},
  ): this {
    const sealingKey = options.sealingKey ?? { keyId: 'dk-1', wrappedKey: 'd3JhcHBlZA==' };
    this.sealingKeyId = sealingKey.keyId;
    if (options.stored) {
      const { actor, now } = this.by(options, 'published');
      return this.stored(
        actor,
        {
          type: 'TenderDrafted',
          data: {
            tenderId: this.tenderId,
            buyerOrganisationId: this.buyer,
            terms: this.terms,
            draftedAt: options.at ?? this.times.drafted,
          },
        },
        {
          type: 'TenderPublished',
          data: { terms: this.terms, publishedAt: now.toISOString(), noticeVersion: 1 },
        },
        { type: 'BidSealingKeyIssued', data: sealingKey },
      );
    }
    if (!this.log.some((entry) => entry.event.type === 'TenderDrafted')) this.draft();
    return this.onTender({
      type: 'PublishTender',
      sealingKey,
      ...this.by(options, 'published'),
    });
  }

  amend(changes: AmendableTerms, options: At & { reason?: string } = {}): this {
    return this.onTender({
      type: 'AmendNotice',
      changes,
      reason: options.reason ?? 'Scope clarified',
      ...this.by(options, 'published'),
    });
  }

  ask(supplierId: string, options: At & { questionId?: string; question?: string } = {}): this {
    this.questions += 1;
    const questionId = options.questionId ?? `q${this.questions}`;
    return this.onTender({
      type: 'AskClarification',
      questionId,
      question: options.question ?? `Does the price of ${questionId} include training?`,
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'published'),
    });
  }

  answer(questionId: string, options: At & { answer?: string } = {}): this {
    return this.onTender({
      type: 'AnswerClarification',
      questionId,
      answer: options.answer ?? 'Yes: training for every site is part of the price.',
      ...this.by(options, 'published'),
    });
  }

  /** The clarification period closed at its deadline (or `at`). */
  clarificationsClosed(options: At = {}): this {
    return this.onTender({
      type: 'CloseClarificationPeriod',
      ...this.by(options, undefined, this.terms.clarificationDeadline),
    });
  }

  cancel(reason: string, options: At = {}): this {
    return this.onTender({ type: 'CancelTender', reason, ...this.by(options, 'published') });
  }

  /** Tendering closed at the submission deadline (or `at`). */
  closed(options: At = {}): this {
    return this.onTender({
      type: 'CloseTendering',
      ...this.by(options, undefined, this.terms.submissionDeadline),
    });
  }

  /**
   * Both officers confirm the opening (at the same moment unless `firstConfirmedAt`); the tender stream anchors the head of every
   * bid stream (`headHash` for its hash: only a store can chain the real one).
   */
  opened(options: At & { officers?: [Actor, Actor]; firstConfirmedAt?: string } = {}): this {
    const [first, second] = options.officers ?? this.officers;
    const bidStreams = (): BidStreamHead[] =>
      this.bidders().map((supplierId) => {
        const streamName = bidStream(this.tenderId, supplierId);
        return {
          supplierId,
          streamName,
          revision: (this.streamLengths.get(streamName) ?? 0) - 1,
          hash: this.headHash(supplierId),
        };
      });
    const now = this.time(options.at, 'opened');
    const confirmedAt = options.firstConfirmedAt ? new Date(options.firstConfirmedAt) : now;
    for (const [actor, at] of [
      [first, confirmedAt],
      [second, now],
    ] as const) {
      this.onTender({
        type: 'ConfirmBidOpening',
        actor,
        now: at,
        openingWindowMs: DAY_MS,
        bidStreams: bidStreams(),
      });
    }
    return this;
  }

  // ---- bidding --------------------------------------------------------------------------------

  bid(supplierId: string, options: BidOptions = {}): this {
    return this.onBid(supplierId, {
      type: 'SubmitBid',
      bid: this.sealedBid(supplierId, options),
      ...(options.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'published'),
    });
  }

  /** One bid from each supplier, with defaults. */
  bids(...supplierIds: string[]): this {
    for (const supplierId of supplierIds) this.bid(supplierId);
    return this;
  }

  /**
   * A bid after the deadline: the decider refuses it with LATE_BID, and its refusal record goes to the
   * bid stream, as the command runner stores it.
   */
  lateBid(supplierId: string, options: BidOptions = {}): this {
    const command: BidCommand = {
      type: 'SubmitBid',
      bid: this.sealedBid(supplierId, options),
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'opened'),
    };
    try {
      this.onBid(supplierId, command);
    } catch (error) {
      const refusal = (error as { cause?: unknown }).cause;
      if (isDomainError(refusal) && refusal.code === 'LATE_BID') {
        return this.append('bid', refusal.record as TenderViewEvent[], command.actor);
      }
      throw error;
    }
    throw new Error(`Scenario step lateBid: the bid from ${supplierId} was accepted, not late`);
  }

  revise(supplierId: string, options: BidOptions = {}): this {
    return this.onBid(supplierId, {
      type: 'ReviseBid',
      bid: this.sealedBid(supplierId, options),
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'published'),
    });
  }

  withdraw(supplierId: string, options: At & { reason?: string } = {}): this {
    return this.onBid(supplierId, {
      type: 'WithdrawBid',
      ...(options.reason === undefined ? {} : { reason: options.reason }),
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'published'),
    });
  }

  reconfirm(supplierId: string, options: At = {}): this {
    return this.onBid(supplierId, {
      type: 'ReconfirmBid',
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'published'),
    });
  }

  // ---- evaluation -----------------------------------------------------------------------------

  /** The bid passes compliance at the price read from it (default 200,000 GBP). */
  passed(supplierId: string, options: ComplianceOptions = {}): this {
    return this.compliance(supplierId, 'passed', options);
  }

  /** Excluded with a listed reason code, the default reason text and requirement unless given. */
  excluded(supplierId: string, options: ExclusionOptions = {}): this {
    return this.compliance(supplierId, 'excluded', {
      reasonCode: 'requirements-not-met',
      reasonText: SCENARIO_REASON_TEXT,
      ...options,
    });
  }

  appointPanel(evaluatorIds: string[], options: At = {}): this {
    return this.onEvaluation({
      type: 'AppointPanel',
      evaluatorIds,
      ...this.by(options, 'evaluation'),
    });
  }

  accepted(evaluatorId: string, options: At = {}): this {
    return this.onEvaluation({
      type: 'AcceptPanelMembership',
      ...this.by({ actor: this.evaluator(evaluatorId), ...options }, 'evaluation'),
    });
  }

  /** Appointed, and every member accepted. */
  panel(evaluatorIds: string[], options: At = {}): this {
    this.appointPanel(evaluatorIds, options);
    for (const evaluatorId of evaluatorIds) this.accepted(evaluatorId, { at: options.at });
    return this;
  }

  declared(
    evaluatorId: string,
    supplierId: string,
    options: At & { conflict?: boolean; statement?: string } = {},
  ): this {
    const conflict = options.conflict ?? false;
    return this.onEvaluation({
      type: 'DeclareConflict',
      supplierId,
      conflict,
      ...(conflict ? { statement: options.statement ?? SCENARIO_CONFLICT_STATEMENT } : {}),
      ...this.by({ actor: this.evaluator(evaluatorId), ...options }, 'evaluation'),
    });
  }

  /**
   * Scores by criterion (`{ quality: 8 }`, each justified by `scenarioJustification`), or whole
   * criterion scores with their own justifications.
   */
  scored(
    evaluatorId: string,
    supplierId: string,
    scores: Record<string, number> | CriterionScore[],
    options: At & { reviewer?: number } = {},
  ): this {
    const list = Array.isArray(scores)
      ? scores
      : Object.entries(scores).map(([criterionId, score]) => ({
          criterionId,
          score,
          justification: scenarioJustification(supplierId, criterionId, options.reviewer),
        }));
    return this.onEvaluation({
      type: 'ScoreBid',
      supplierId,
      scores: list,
      ...this.by({ actor: this.evaluator(evaluatorId), ...options }, 'evaluation'),
    });
  }

  submittedBy(evaluatorId: string, options: At = {}): this {
    return this.onEvaluation({
      type: 'SubmitEvaluation',
      ...this.by({ actor: this.evaluator(evaluatorId), ...options }, 'submitted'),
    });
  }

  moderated(
    supplierId: string,
    criterionId: string,
    agreedScore: number,
    options: At & { reason?: string } = {},
  ): this {
    return this.onEvaluation({
      type: 'ModerateScore',
      supplierId,
      criterionId,
      agreedScore,
      ...(options.reason === undefined ? {} : { reason: options.reason }),
      ...this.by(options, 'submitted'),
    });
  }

  /** A second officer confirms a moderation that needed one (by default the other officer). */
  moderationConfirmed(
    supplierId: string,
    criterionId: string,
    agreedScore: number,
    reason: string,
    options: At = {},
  ): this {
    return this.onEvaluation({
      type: 'ConfirmModeration',
      supplierId,
      criterionId,
      agreedScore,
      reason,
      ...this.by({ actor: this.officers[1], ...options }, 'submitted'),
    });
  }

  // ---- award ----------------------------------------------------------------------------------

  awardProposed(
    supplierId: string,
    options: At & { justification?: string; standstillRules?: StandstillRules } = {},
  ): this {
    return this.onAward({
      type: 'ProposeAward',
      supplierId,
      ...(options.justification === undefined ? {} : { justification: options.justification }),
      standstillRules: options.standstillRules ?? DEFAULT_STANDSTILL_RULES,
      ...this.by(options, 'award'),
    });
  }

  directAwardProposed(
    supplierId: string,
    ground: string,
    justification: string,
    options: At & { standstillRules?: StandstillRules } = {},
  ): this {
    return this.onAward({
      type: 'ProposeDirectAward',
      supplierId,
      ground,
      justification,
      standstillRules: options.standstillRules ?? DEFAULT_STANDSTILL_RULES,
      ...this.by(options, 'award'),
    });
  }

  /** Confirmed by the second officer (an award that needed a second pair of eyes). */
  awardConfirmed(options: At & { standstillRules?: StandstillRules } = {}): this {
    return this.onAward({
      type: 'ConfirmAward',
      standstillRules: options.standstillRules ?? DEFAULT_STANDSTILL_RULES,
      ...this.by({ actor: this.officers[1], ...options }, 'award'),
    });
  }

  declaredUnsuccessful(reason: string, options: At = {}): this {
    return this.onAward({ type: 'DeclareUnsuccessful', reason, ...this.by(options, 'award') });
  }

  /** The standstill ended, at its end unless `at`. */
  standstillEnded(options: At = {}): this {
    const started = this.last('StandstillStarted');
    const endsAt = started ? (started.data as { endsAt: string }).endsAt : undefined;
    return this.onAward({
      type: 'EndStandstill',
      ...this.by(options, undefined, endsAt ?? this.times.contract),
    });
  }

  // ---- challenge ------------------------------------------------------------------------------

  challengeLodged(
    supplierId: string,
    options: At & { challengeId?: string; grounds?: string[]; text?: string } = {},
  ): this {
    this.challenges += 1;
    return this.onChallenge({
      type: 'LodgeChallenge',
      challengeId: options.challengeId ?? `ch-${this.challenges}`,
      grounds: options.grounds ?? ['evaluation-error'],
      text: options.text ?? 'Our quality answer was scored against an unpublished sub-criterion',
      ...this.by({ actor: this.supplier(supplierId), ...options }, 'challenge'),
    });
  }

  /** Resolved by legal of the buyer. */
  challengeResolved(
    outcome: string,
    options: At & { challengeId?: string; remedy?: string; reason?: string } = {},
  ): this {
    return this.onChallenge({
      type: 'ResolveChallenge',
      challengeId: options.challengeId ?? `ch-${this.challenges}`,
      outcome,
      ...(options.remedy === undefined ? {} : { remedy: options.remedy }),
      reason:
        options.reason ?? 'The quality scores applied a sub-criterion the notice never published',
      ...this.by({ actor: this.legal, ...options }, 'challenge'),
    });
  }

  // ---- contract -------------------------------------------------------------------------------

  contractConcluded(
    options: At & { contractId?: string; value?: Money; period?: ContractPeriod } = {},
  ): this {
    return this.onContract({
      type: 'ConcludeContract',
      contractId: options.contractId ?? 'c-1',
      ...(options.value === undefined ? {} : { value: options.value }),
      period: options.period ?? { startDate: '2025-06-01', endDate: '2026-05-31' },
      ...this.by(options, 'contract'),
    });
  }

  changeRequested(change: Partial<ContractChange> = {}, options: At = {}): this {
    this.changes += 1;
    return this.onContract({
      type: 'RequestContractChange',
      change: {
        changeId: `chg-${this.changes}`,
        kind: 'extension',
        description: 'Extension of the pilot',
        justification: 'The pilot needs another year to cover every ward.',
        addedValue: { amount: 0, currency: 'GBP' },
        addedMonths: 12,
        ...change,
      },
      ...this.by(options, 'contract'),
    });
  }

  /** Approved by the second officer (never the requester); the change notice is published with it. */
  changeApproved(
    changeId = `chg-${this.changes}`,
    options: At & { thresholds?: ChangeThresholds } = {},
  ): this {
    return this.onContract({
      type: 'ApproveContractChange',
      changeId,
      thresholds: options.thresholds ?? DEFAULT_CHANGE_THRESHOLDS,
      ...this.by({ actor: this.officers[1], ...options }, 'contract'),
    });
  }

  /** Requested, then approved. */
  changed(change: Partial<ContractChange> = {}, options: At = {}): this {
    this.changeRequested(change, options);
    return this.changeApproved(undefined, { at: options.at });
  }

  // ---- running a decider ----------------------------------------------------------------------

  /** Any notice command on the tender stream. */
  onTender(command: NoticeCommand): this {
    const events = this.decide(tenderDecider, command, this.current.tender, command.type);
    return this.append('tender', events, command.actor);
  }

  /** Any bid command on the supplier's bid stream, decided against the tender and that bid. */
  onBid(supplierId: string, command: BidCommand): this {
    // What the bid decider folds from the tender stream and this supplier's bid stream, kept as the
    // view's own slices (so a tender of 1,000 bids is not refolded per bid).
    const state: BidDecisionState = {
      tender: this.current.tender,
      bid: Object.hasOwn(this.current.bids, supplierId)
        ? this.current.bids[supplierId]
        : initialBidState(),
    };
    const events = this.decide(bidDecider, command, state, command.type);
    return this.append('bid', events, command.actor);
  }

  /** Any evaluation command; the decider's events go to the tender or the evaluator's stream. */
  onEvaluation(command: EvaluationCommand): this {
    return this.onView(evaluationDecider, command);
  }

  onAward(command: AwardCommand): this {
    return this.onView(awardDecider, command);
  }

  onChallenge(command: ChallengeCommand): this {
    return this.onView(challengeDecider, command);
  }

  onContract(command: ContractCommand): this {
    return this.onView(contractDecider, command);
  }

  /** A decider over the whole tender (evaluation, award, challenge, contract, or a new stage's). */
  onView<Command extends { type: string; actor: CommandActor }>(
    decider: Decider<Command, TenderViewEvent, TenderView>,
    command: Command,
  ): this {
    const events = this.decide(decider, command, this.current, command.type);
    return this.append(undefined, events, command.actor);
  }

  /**
   * Events as they were stored long ago and the rules would refuse today (a one-word reason, a
   * version-1 shape). Use only for such history, and say so where you do.
   */
  stored(actor: CommandActor, ...events: TenderViewEvent[]): this {
    return this.append(undefined, events, actor);
  }

  // ---- internals ------------------------------------------------------------------------------

  private compliance(
    supplierId: string,
    decision: 'passed' | 'excluded',
    options: ExclusionOptions,
  ): this {
    const price = options.price ?? 200_000;
    return this.onEvaluation({
      type: 'RecordCompliance',
      supplierId,
      decision,
      ...(options.reasonCode === undefined ? {} : { reasonCode: options.reasonCode }),
      ...(options.reasonText === undefined ? {} : { reasonText: options.reasonText }),
      ...(options.requirement === undefined ? {} : { requirement: options.requirement }),
      opened: {
        contentHash: options.contentHash ?? this.contentHashOf(supplierId),
        price: typeof price === 'number' ? { amount: price, currency: 'GBP' } : price,
      },
      ...this.by(options, 'evaluation'),
    });
  }

  private last(type: string): TenderViewEvent | undefined {
    return this.log.findLast((entry) => entry.event.type === type)?.event;
  }

  /** The content hash of the supplier's latest submission or revision. */
  private contentHashOf(supplierId: string): string {
    const sealed = this.log.findLast(
      (entry) =>
        entry.streamName === bidStream(this.tenderId, supplierId) &&
        (entry.event.type === 'BidSubmitted' || entry.event.type === 'BidRevised'),
    );
    return sealed ? (sealed.event as { data: { contentHash: string } }).data.contentHash : '';
  }

  private sealedBid(supplierId: string, options: BidOptions): SealedBid {
    const contentHash = options.contentHash ?? supplierId.padEnd(64, '0').slice(0, 64);
    return {
      contentHash,
      sizeBytes: options.sizeBytes ?? 2048,
      sealed: {
        keyId: this.sealingKeyId,
        iv: 'aXY=',
        ciphertext: `c2VhbGVk-${contentHash.slice(0, 4)}`,
        tag: 'dGFn',
        ...options.sealed,
      },
      documents: options.documents ?? [],
    };
  }

  private time(at: string | undefined, stage?: keyof ScenarioTimes, fallback?: string): Date {
    return new Date(at ?? this.pinned ?? fallback ?? this.times[stage ?? 'published']);
  }

  protected by(
    options: At,
    stage?: keyof ScenarioTimes,
    fallback?: string,
  ): { actor: Actor; now: Date } {
    return {
      actor: options.actor ?? this.officers[0],
      now: this.time(options.at, stage, fallback),
    };
  }

  private decide<Command, Event extends TenderViewEvent, State>(
    decider: Decider<Command, Event, State>,
    command: Command,
    state: State,
    step: string,
  ): Event[] {
    try {
      return decider.decide(command, state);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw new Error(
        `Scenario step ${step} was refused (${error.code}): ${error.message}. ` +
          'A scenario only holds what the rules allow; see docs/testing.md#the-scenario-builder.',
        { cause: error },
      );
    }
  }

  private append(
    kind: TenderStreamKind | undefined,
    events: readonly TenderViewEvent[],
    actor: CommandActor,
  ): this {
    for (const event of events) {
      const streamKind = kind ?? tenderStreamKindOf(event.type);
      const streamName = this.streamOf(streamKind, event);
      this.log.push({ kind: streamKind, streamName, event, actor });
      this.streamLengths.set(streamName, (this.streamLengths.get(streamName) ?? 0) + 1);
      // In place: the builder owns its view, and a tender of 1,000 bids is not copied per event.
      this.current = evolveTenderStreams(this.current, streamKind, event, true);
    }
    return this;
  }

  private streamOf(kind: TenderStreamKind, event: TenderViewEvent): string {
    if (kind === 'bid') return bidStream(this.tenderId, (event as BidEvent).data.supplierId);
    if (kind === 'evaluator') {
      return evaluatorStream(this.tenderId, (event.data as { evaluatorId: string }).evaluatorId);
    }
    return tenderStream(this.tenderId);
  }
}

/** A new scenario: nothing has happened yet. */
export const scenario = (options: ScenarioOptions = {}) => new Scenario(options);
