import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  AWARD_AT,
  BETA,
  CEDAR,
  declared,
  EVA,
  EVAN,
  EWAN,
  fullyEvaluated,
  inStandstill,
  justification,
  moderated,
  proposeAward,
  REASON_TEXT,
  scored,
  STANDSTILL_ENDS_AT,
} from '../testing/evaluation-fixtures';
import {
  foreignOfficer,
  officer,
  secondOfficer,
  supplier,
  tendering,
  terms,
} from '../testing/notice-fixtures';
import type { Actor } from '../shared/actor';
import type { AwardCommand } from './commands';
import { awardDecider } from './decide';
import { DEFAULT_STANDSTILL_RULES } from './standstill';
import type { AwardEvent, RankedBid } from '../tender/events/award';

const gbp = (amount: number) => ({ amount, currency: 'GBP' });
const ACME_RANKED: RankedBid = {
  supplierId: ACME,
  rank: 1,
  total: 81,
  price: gbp(200_000),
  scores: { quality: 8, social: 6, price: 9 },
};
const BETA_RANKED: RankedBid = {
  supplierId: BETA,
  rank: 2,
  total: 73,
  price: gbp(180_000),
  scores: { quality: 6, social: 7, price: 10 },
};
/** What the panel wrote on each quality criterion of a bid, in panel order, without evaluator ids. */
const reasons = (supplierId: string) =>
  ['quality', 'social'].map((criterionId) => ({
    criterionId,
    justifications: [1, 2, 3].map((n) => justification(supplierId, criterionId, n)),
  }));
const ukStandstill: AwardEvent = {
  type: 'StandstillStarted',
  data: {
    jurisdiction: 'uk-pa-2023',
    startsAt: AWARD_AT,
    endsAt: STANDSTILL_ENDS_AT,
    // Good Friday (18 April) and Easter Monday (21 April) 2025 are not working days.
    countedDays: [
      '2025-04-14',
      '2025-04-15',
      '2025-04-16',
      '2025-04-17',
      '2025-04-22',
      '2025-04-23',
      '2025-04-24',
      '2025-04-25',
    ],
    basis:
      'Procurement Act 2023 s.51: 8 working days (as s.123 defines them) beginning with the day the contract award notice was published, ending at the end of 2025-04-25 (Europe/London).',
    round: 1,
  },
};
const decide = (history: TenderViewEvent[], command = proposeAward(ACME)) =>
  awardDecider.decide(command, given(awardDecider, history).state());
const without = (history: TenderViewEvent[], drop: (event: TenderViewEvent) => boolean) =>
  history.filter((event) => !drop(event));

describe('ProposeAward (rules 1–5 and 7)', () => {
  it('awards the top-ranked bid: award notice, an assessment summary to every bidder, UK standstill', () => {
    given(awardDecider, fullyEvaluated())
      .when(proposeAward(ACME))
      .then([
        {
          type: 'AwardProposed',
          data: {
            supplierId: ACME,
            round: 1,
            ranking: [ACME_RANKED, BETA_RANKED],
            topRanked: [ACME],
            departures: [],
            proposedBy: officer.userId,
            proposedAt: AWARD_AT,
          },
        },
        {
          type: 'AssessmentSummaryIssued',
          data: {
            summary: {
              supplierId: ACME,
              outcome: 'successful',
              own: { rank: 1, total: 81, scores: ACME_RANKED.scores, reasons: reasons(ACME) },
              winner: {
                supplierId: ACME,
                total: 81,
                scores: ACME_RANKED.scores,
                reasons: reasons(ACME),
              },
            },
            issuedAt: AWARD_AT,
            round: 1,
          },
        },
        {
          type: 'AssessmentSummaryIssued',
          data: {
            summary: {
              supplierId: BETA,
              outcome: 'unsuccessful',
              own: { rank: 2, total: 73, scores: BETA_RANKED.scores, reasons: reasons(BETA) },
              winner: {
                supplierId: ACME,
                total: 81,
                scores: ACME_RANKED.scores,
                reasons: reasons(ACME),
              },
            },
            issuedAt: AWARD_AT,
            round: 1,
          },
        },
        ukStandstill,
      ]);
  });

  it('tells an excluded bidder why, and passes on moderation reasons, never who wrote what', () => {
    const history = [
      ...fullyEvaluated({ bids: [ACME, BETA, { supplierId: CEDAR, exclusion: {} }] }),
      moderated(BETA, 'quality', 5, [6, 6, 6], 'The panel agreed the plan lacks milestones'),
    ];
    const summaries = decide(history).filter((event) => event.type === 'AssessmentSummaryIssued');
    expect(summaries.map((event) => event.data.summary.supplierId)).toEqual([ACME, BETA, CEDAR]);
    expect(summaries[2].data.summary).toEqual({
      supplierId: CEDAR,
      outcome: 'excluded',
      exclusion: { reasonCode: 'requirements-not-met', reasonText: REASON_TEXT },
      winner: {
        supplierId: ACME,
        total: expect.any(Number),
        scores: expect.any(Object),
        reasons: reasons(ACME),
      },
    });
    expect(summaries[1].data.summary.own?.reasons[0]).toEqual({
      criterionId: 'quality',
      justifications: reasons(BETA)[0].justifications,
      moderation: 'The panel agreed the plan lacks milestones',
    });
    for (const evaluatorId of [EVA, EVAN, EWAN]) {
      expect(JSON.stringify(summaries)).not.toContain(evaluatorId);
    }
  });

  it('counts the EU standstill in calendar days when the notice says so', () => {
    const events = decide(
      fullyEvaluated({
        terms: terms({ jurisdiction: 'eu-remedies' }),
        // Published early enough for the EU's 30-day open procedure.
        times: { drafted: '2025-02-20T10:00:00.000Z', published: '2025-02-24T09:00:00.000Z' },
      }),
    );
    expect(events.at(-1)).toEqual({
      type: 'StandstillStarted',
      data: expect.objectContaining({
        jurisdiction: 'eu-remedies',
        startsAt: AWARD_AT,
        endsAt: '2025-04-24T22:00:00.000Z',
        countedDays: Array.from({ length: 10 }, (_, i) => `2025-04-${String(15 + i)}`),
        round: 1,
      }),
    });
  });

  describe('rule 1: minimum competition', () => {
    it('refuses fewer compliant bids than the notice’s minimum: INSUFFICIENT_COMPETITION', () => {
      const error = given(
        awardDecider,
        fullyEvaluated({ bids: [ACME, { supplierId: BETA, exclusion: {} }] }),
      )
        .when(proposeAward(ACME))
        .thenFails('INSUFFICIENT_COMPETITION', {
          rules: ['INSUFFICIENT_COMPETITION'],
          totalViolations: 1,
        });
      expect(error.message).toContain(
        '1 bid(s) passed compliance (org-acme); the notice requires 2',
      );
    });

    it('a single bid is not a competition either', () => {
      given(awardDecider, fullyEvaluated({ bids: [ACME] }))
        .when(proposeAward(ACME))
        .thenFails('INSUFFICIENT_COMPETITION');
    });

    it('the notice may ask for more than 2', () => {
      given(awardDecider, fullyEvaluated({ terms: terms({ minimumBids: 3 }) }))
        .when(proposeAward(ACME))
        .thenFails('INSUFFICIENT_COMPETITION');
    });
  });

  describe('rule 2: every compliant bid fully evaluated', () => {
    it('refuses a bid with no compliance decision: INCOMPLETE_EVALUATION naming the bid', () => {
      const history = without(
        fullyEvaluated({ bids: [ACME, BETA, CEDAR] }),
        (event) => event.type === 'BidComplianceRecorded' && event.data.supplierId === CEDAR,
      );
      // Scores of a bid that is not compliant do not count; the missing decision does.
      given(awardDecider, history)
        .when(proposeAward(ACME))
        .thenFails('INCOMPLETE_EVALUATION', {
          violations: [
            {
              code: 'INCOMPLETE_EVALUATION',
              message: `No compliance decision has been recorded on the bid from ${CEDAR}`,
              supplierId: CEDAR,
            },
          ],
          rules: ['INCOMPLETE_EVALUATION'],
        });
    });

    it('refuses a missing score, naming bid, evaluator and criterion', () => {
      const history = without(
        fullyEvaluated(),
        (event) =>
          event.type === 'BidScored' &&
          event.data.evaluatorId === EVAN &&
          event.data.supplierId === BETA &&
          event.data.criterionId === 'social',
      );
      const error = given(awardDecider, history)
        .when(proposeAward(ACME))
        .thenFails('INCOMPLETE_EVALUATION', {
          violations: [
            {
              code: 'INCOMPLETE_EVALUATION',
              message: `Evaluator ${EVAN} has not scored criterion social for the bid from ${BETA}`,
              supplierId: BETA,
              evaluatorId: EVAN,
              criterionId: 'social',
            },
          ],
        });
      expect(error.message).toBe(
        `Evaluator ${EVAN} has not scored criterion social for the bid from ${BETA}`,
      );
    });

    it('refuses a score whose stored justification says nothing', () => {
      given(awardDecider, [...fullyEvaluated(), scored(EWAN, ACME, 'quality', 8, 'Good.')])
        .when(proposeAward(ACME))
        .thenFails('INCOMPLETE_EVALUATION', {
          violations: [
            expect.objectContaining({
              supplierId: ACME,
              evaluatorId: EWAN,
              criterionId: 'quality',
            }),
          ],
        });
    });

    it('refuses while an evaluator has not submitted', () => {
      const history = without(
        fullyEvaluated(),
        (event) => event.type === 'EvaluationSubmitted' && event.data.evaluatorId === EWAN,
      );
      given(awardDecider, history)
        .when(proposeAward(ACME))
        .thenFails('INCOMPLETE_EVALUATION', {
          violations: [
            {
              code: 'INCOMPLETE_EVALUATION',
              message: `Evaluator ${EWAN} has not submitted their scores for evaluation round 1`,
              evaluatorId: EWAN,
            },
          ],
        });
    });

    it('reports every gap, the first in the message and the rest in details', () => {
      const error = given(awardDecider, fullyEvaluated({ submit: false }))
        .when(proposeAward(ACME))
        .thenFails('INCOMPLETE_EVALUATION', { totalViolations: 3 });
      expect(error.message).toContain('(and 2 more: see details.violations)');
    });
  });

  describe('rule 3: an independent panel', () => {
    it('refuses an evaluator who never declared on a compliant bid: UNDECLARED_CONFLICT', () => {
      // As stored: the declaration is missing although the evaluator submitted.
      const history = without(
        fullyEvaluated(),
        (event) =>
          event.type === 'ConflictOfInterestDeclared' &&
          event.data.evaluatorId === EVA &&
          event.data.supplierId === BETA,
      );
      given(awardDecider, history)
        .when(proposeAward(ACME))
        .thenFails('UNDECLARED_CONFLICT', {
          violations: [expect.objectContaining({ supplierId: BETA, evaluatorId: EVA })],
          rules: ['UNDECLARED_CONFLICT'],
        });
    });

    it('refuses a panel smaller than the notice’s evaluatorCount: PANEL_TOO_SMALL', () => {
      // Stored history: a two-person panel on a notice that asks for three.
      given(awardDecider, fullyEvaluated({ panel: [EVA, EVAN], storedPanel: true }))
        .when(proposeAward(ACME))
        .thenFails('PANEL_TOO_SMALL', {
          violations: [
            {
              code: 'PANEL_TOO_SMALL',
              message: 'The evaluation panel has 2 evaluator(s); the notice requires 3',
            },
          ],
        });
    });

    it('refuses a bid left with fewer than 2 evaluators after conflicts: PANEL_TOO_SMALL naming the bid', () => {
      const history = [...fullyEvaluated(), declared(EVA, BETA, true), declared(EVAN, BETA, true)];
      given(awardDecider, history)
        .when(proposeAward(ACME))
        .thenFails('PANEL_TOO_SMALL', {
          violations: [expect.objectContaining({ code: 'PANEL_TOO_SMALL', supplierId: BETA })],
          rules: ['PANEL_TOO_SMALL'],
        });
      // One conflict leaves two evaluators: enough.
      expect(decide([...fullyEvaluated(), declared(EVA, BETA, true)])[0].type).toBe(
        'AwardProposed',
      );
    });
  });

  describe('rule 4: reasons for exclusion', () => {
    it('refuses an award over a stored exclusion with a one-word reason: EXCLUSION_UNREASONED', () => {
      const history = fullyEvaluated({
        bids: [
          ACME,
          BETA,
          {
            supplierId: CEDAR,
            exclusion: { reasonCode: 'requirements-not-met', reasonText: 'Price.' },
          },
        ],
      });
      given(awardDecider, history)
        .when(proposeAward(ACME))
        .thenFails('EXCLUSION_UNREASONED', {
          violations: [
            expect.objectContaining({ code: 'EXCLUSION_UNREASONED', supplierId: CEDAR }),
          ],
          rules: ['EXCLUSION_UNREASONED'],
        });
    });

    it('a stored exclusion without a listed reason code is unreasoned too', () => {
      const history = fullyEvaluated({
        bids: [ACME, BETA, { supplierId: CEDAR, exclusion: { reasonCode: null } }],
      });
      given(awardDecider, history).when(proposeAward(ACME)).thenFails('EXCLUSION_UNREASONED');
    });
  });

  describe('rule 5: the award follows the published method', () => {
    it('refuses a bid other than the top-ranked without a justification: WINNER_NOT_TOP_RANKED', () => {
      const error = given(awardDecider, fullyEvaluated())
        .when(proposeAward(BETA, { justification: 'Cheaper.' }))
        .thenFails('WINNER_NOT_TOP_RANKED', {
          violations: [
            expect.objectContaining({ code: 'WINNER_NOT_TOP_RANKED', supplierId: BETA }),
          ],
        });
      expect(error.message).toContain('ranks 2 (total 73); the top-ranked is org-acme (total 81)');
    });

    it('accepts it with a justification, red-flagged winner-not-top-ranked, for a second officer to confirm', () => {
      const why = 'The top-ranked bid relies on a platform the force cannot host';
      const decided = decide(fullyEvaluated(), proposeAward(BETA, { justification: `  ${why}  ` }));
      expect(decided).toHaveLength(1);
      const [proposed] = decided;
      expect(proposed).toEqual({
        type: 'AwardConfirmationRequested',
        data: {
          supplierId: BETA,
          round: 1,
          ranking: [ACME_RANKED, BETA_RANKED],
          topRanked: [ACME],
          departures: ['winner-not-top-ranked'],
          departureJustification: why,
          proposedBy: officer.userId,
          proposedAt: AWARD_AT,
        },
      });
    });

    it('a second officer confirms it: then the notice, the summaries and the standstill', () => {
      const why = 'The top-ranked bid relies on a platform the force cannot host';
      const history = after(
        awardDecider,
        fullyEvaluated(),
        proposeAward(BETA, { justification: why }),
      );
      const confirmAt = '2025-04-15T09:00:00.000Z';
      const confirm = (actor: Actor): AwardCommand => ({
        type: 'ConfirmAward',
        actor,
        now: new Date(confirmAt),
        standstillRules: DEFAULT_STANDSTILL_RULES,
      });
      given(awardDecider, history)
        .when(confirm(officer))
        .thenFails('SAME_OFFICER_TWICE', { proposedBy: officer.userId });
      const decided = decide(history, confirm(secondOfficer));
      expect(decided.map((event) => event.type)).toEqual([
        'AwardProposed',
        'AssessmentSummaryIssued',
        'AssessmentSummaryIssued',
        'StandstillStarted',
      ]);
      expect(decided[0].data).toMatchObject({
        supplierId: BETA,
        departures: ['winner-not-top-ranked'],
        departureJustification: why,
        proposedBy: officer.userId,
        confirmedBy: secondOfficer.userId,
        confirmedAt: confirmAt,
      });
    });

    it('either of two bids tied at the top may win without a justification', () => {
      const same = { price: 200_000, scores: { quality: 8, social: 6 } };
      const history = fullyEvaluated({
        bids: [
          { supplierId: ACME, ...same },
          { supplierId: BETA, ...same },
        ],
      });
      const [proposed] = decide(history, proposeAward(BETA));
      expect(proposed.data).toMatchObject({
        supplierId: BETA,
        topRanked: [ACME, BETA],
        departures: [],
      });
    });

    it('refuses a winner that did not pass compliance: WINNER_NOT_COMPLIANT', () => {
      given(
        awardDecider,
        fullyEvaluated({ bids: [ACME, BETA, { supplierId: CEDAR, exclusion: {} }] }),
      )
        .when(proposeAward(CEDAR))
        .thenFails('WINNER_NOT_COMPLIANT', { supplierId: CEDAR });
      given(awardDecider, fullyEvaluated())
        .when(proposeAward('org-nobody'))
        .thenFails('WINNER_NOT_COMPLIANT', { supplierId: 'org-nobody' });
    });
  });

  it('reports the record’s integrity first, then competition, then the evaluation', () => {
    // BETA excluded in one word, CEDAR never decided, EWAN never submitted.
    const history = without(
      fullyEvaluated({
        bids: [ACME, { supplierId: BETA, exclusion: { reasonText: 'Late.' } }, CEDAR],
      }),
      (event) =>
        (event.type === 'BidComplianceRecorded' && event.data.supplierId === CEDAR) ||
        (event.type === 'EvaluationSubmitted' && event.data.evaluatorId === EWAN),
    );
    given(awardDecider, history)
      .when(proposeAward(ACME))
      .thenFails('EXCLUSION_UNREASONED', {
        rules: ['EXCLUSION_UNREASONED', 'INSUFFICIENT_COMPETITION', 'INCOMPLETE_EVALUATION'],
        totalViolations: 4,
      });
  });

  it('is for officers of the buyer, in evaluation', () => {
    given(awardDecider, fullyEvaluated())
      .when(proposeAward(ACME, { actor: supplier }))
      .thenFails('ROLE_NOT_ALLOWED');
    given(awardDecider, fullyEvaluated())
      .when(proposeAward(ACME, { actor: foreignOfficer }))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(awardDecider, inStandstill())
      .when(proposeAward(ACME))
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill', allowed: ['evaluation'] });
    given(awardDecider, tendering())
      .when(proposeAward(ACME))
      .thenFails('ILLEGAL_STAGE', { stage: 'tendering' });
    given(awardDecider, []).when(proposeAward(ACME)).thenFails('TENDER_NOT_FOUND');
  });
});
