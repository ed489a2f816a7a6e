/**
 * The seeds' scenario: a police force's body-worn video contract, three bids, the award waved through
 * with two bids excluded in one word ("Price.", "Late.") or never scored. Each way it is refused, with
 * every rule it breaks named; done properly it can only be unsuccessful or a flagged direct award.
 */
import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  AWARD_AT,
  AWARD_NOW,
  BETA,
  CEDAR,
  EVA,
  EVAN,
  fullyEvaluated,
  justification,
  proposeAward,
} from '../testing/evaluation-fixtures';
import { officer, secondOfficer, terms } from '../testing/notice-fixtures';
import type { AwardCommand } from './commands';
import { awardDecider } from './decide';
import type { AwardProposal } from '../tender/events/award';
import { DEFAULT_STANDSTILL_RULES } from './standstill';
import { SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';

const policeTerms = terms({
  title: 'Body-worn video and digital evidence management for a police force',
  evaluatorCount: 2,
});
const panel = [EVA, EVAN];
const PRICE_REASON = 'Price of 240,000 GBP is above the budget approved for this contract';
const LATE_REASON =
  'The technical envelope was incomplete: no data-retention schedule was provided';

describe('the police-force case', () => {
  it('two one-word exclusions: EXCLUSION_UNREASONED first, INSUFFICIENT_COMPETITION listed too', () => {
    const history = fullyEvaluated({
      terms: policeTerms,
      panel,
      bids: [
        ACME,
        { supplierId: BETA, exclusion: { reasonCode: null, reasonText: 'Price.' } },
        { supplierId: CEDAR, exclusion: { reasonCode: null, reasonText: 'Late.' } },
      ],
    });
    const error = given(awardDecider, history)
      .when(proposeAward(ACME))
      .thenFails('EXCLUSION_UNREASONED', {
        violations: [
          expect.objectContaining({ code: 'EXCLUSION_UNREASONED', supplierId: BETA }),
          expect.objectContaining({ code: 'EXCLUSION_UNREASONED', supplierId: CEDAR }),
          expect.objectContaining({ code: 'INSUFFICIENT_COMPETITION' }),
        ],
        totalViolations: 3,
        rules: ['EXCLUSION_UNREASONED', 'INSUFFICIENT_COMPETITION'],
      });
    expect(error.message).toBe(
      `The exclusion of the bid from ${BETA} is not reasoned (reason code null, text "Price."): it needs a listed reason code and a text of ${SUBSTANTIVE_TEXT_RULE} (and 2 more: see details.violations)`,
    );
  });

  it('one excluded in one word, one passed but never scored: INCOMPLETE_EVALUATION names each missing score', () => {
    const history = fullyEvaluated({
      terms: policeTerms,
      panel,
      bids: [
        ACME,
        { supplierId: BETA, exclusion: { reasonCode: null, reasonText: 'Price.' } },
        CEDAR,
      ],
    }).filter((event) => !(event.type === 'BidScored' && event.data.supplierId === CEDAR));
    const missing = (evaluatorId: string, criterionId: string) => ({
      code: 'INCOMPLETE_EVALUATION',
      message: `Evaluator ${evaluatorId} has not scored criterion ${criterionId} for the bid from ${CEDAR}`,
      supplierId: CEDAR,
      evaluatorId,
      criterionId,
    });
    given(awardDecider, history)
      .when(proposeAward(ACME))
      .thenFails('EXCLUSION_UNREASONED', {
        violations: [
          expect.objectContaining({ code: 'EXCLUSION_UNREASONED', supplierId: BETA }),
          missing(EVA, 'quality'),
          missing(EVA, 'social'),
          missing(EVAN, 'quality'),
          missing(EVAN, 'social'),
        ],
        rules: ['EXCLUSION_UNREASONED', 'INCOMPLETE_EVALUATION'],
      });
  });

  it('both passed but never scored: INCOMPLETE_EVALUATION for each bid, evaluator and criterion', () => {
    const history = fullyEvaluated({ terms: policeTerms, panel, bids: [ACME, BETA, CEDAR] }).filter(
      (event) => !(event.type === 'BidScored' && event.data.supplierId !== ACME),
    );
    given(awardDecider, history)
      .when(proposeAward(ACME))
      .thenFails('INCOMPLETE_EVALUATION', {
        totalViolations: 8,
        rules: ['INCOMPLETE_EVALUATION'],
      });
  });

  describe('with the exclusions reasoned', () => {
    const reasoned = fullyEvaluated({
      terms: policeTerms,
      panel,
      bids: [
        ACME,
        {
          supplierId: BETA,
          exclusion: { reasonCode: 'requirements-not-met', reasonText: PRICE_REASON },
        },
        {
          supplierId: CEDAR,
          exclusion: { reasonCode: 'incomplete-submission', reasonText: LATE_REASON },
        },
      ],
    });
    const direct: AwardCommand = {
      type: 'ProposeDirectAward',
      actor: officer,
      now: AWARD_NOW,
      supplierId: ACME,
      ground: 'extreme-urgency',
      justification: 'The force’s current cameras are withdrawn from service in June 2025',
      standstillRules: DEFAULT_STANDSTILL_RULES,
    };
    const CONFIRMED_AT = '2025-04-15T09:00:00.000Z';
    const confirm: AwardCommand = {
      type: 'ConfirmAward',
      actor: secondOfficer,
      now: new Date(CONFIRMED_AT),
      standstillRules: DEFAULT_STANDSTILL_RULES,
    };

    it('a plain award is refused for want of competition: INSUFFICIENT_COMPETITION alone', () => {
      given(awardDecider, reasoned)
        .when(proposeAward(ACME))
        .thenFails('INSUFFICIENT_COMPETITION', { rules: ['INSUFFICIENT_COMPETITION'] });
    });

    it('it may be declared unsuccessful', () => {
      given(awardDecider, reasoned)
        .when({
          type: 'DeclareUnsuccessful',
          actor: officer,
          now: AWARD_NOW,
          reason: 'Only one compliant bid: the force will re-tender with a longer period',
        })
        .then([
          {
            type: 'TenderDeclaredUnsuccessful',
            data: {
              reason: 'Only one compliant bid: the force will re-tender with a longer period',
              compliantBids: 1,
              minimumBids: 2,
              declaredAt: AWARD_AT,
              declaredBy: officer.userId,
            },
          },
        ]);
    });

    it('a direct award on a listed ground needs a second officer, then publishes flagged', () => {
      const [request] = given(awardDecider, reasoned)
        .when(direct)
        .then([
          {
            type: 'AwardConfirmationRequested',
            data: expect.any(Object) as unknown as AwardProposal,
          },
        ]);
      const proposal: AwardProposal = {
        supplierId: ACME,
        round: 1,
        ranking: [
          {
            supplierId: ACME,
            rank: 1,
            total: 84,
            price: { amount: 200_000, currency: 'GBP' },
            scores: { quality: 8, social: 6, price: 10 },
          },
        ],
        topRanked: [ACME],
        departures: ['direct-award', 'all-but-winner-excluded'],
        directAward: {
          ground: 'extreme-urgency',
          justification: 'The force’s current cameras are withdrawn from service in June 2025',
        },
        proposedBy: officer.userId,
        proposedAt: AWARD_AT,
      };
      expect(request.data).toEqual(proposal);

      const reasons = ['quality', 'social'].map((criterionId) => ({
        criterionId,
        justifications: [1, 2].map((n) => justification(ACME, criterionId, n)),
      }));
      const winner = { supplierId: ACME, total: 84, scores: proposal.ranking[0].scores, reasons };
      const summary = (data: object) => ({
        type: 'AssessmentSummaryIssued' as const,
        data: { summary: data as never, issuedAt: CONFIRMED_AT, round: 1 },
      });
      const history: TenderViewEvent[] = after(awardDecider, reasoned, direct);
      given(awardDecider, history)
        .when(confirm)
        .then([
          {
            type: 'AwardProposed',
            data: { ...proposal, confirmedBy: secondOfficer.userId, confirmedAt: CONFIRMED_AT },
          },
          summary({
            supplierId: ACME,
            outcome: 'successful',
            own: { rank: 1, total: 84, scores: winner.scores, reasons },
            winner,
          }),
          summary({
            supplierId: BETA,
            outcome: 'excluded',
            exclusion: { reasonCode: 'requirements-not-met', reasonText: PRICE_REASON },
            winner,
          }),
          summary({
            supplierId: CEDAR,
            outcome: 'excluded',
            exclusion: { reasonCode: 'incomplete-submission', reasonText: LATE_REASON },
            winner,
          }),
          {
            type: 'StandstillStarted',
            data: {
              jurisdiction: 'uk-pa-2023',
              startsAt: CONFIRMED_AT,
              endsAt: '2025-04-28T23:00:00.000Z',
              countedDays: [
                '2025-04-15',
                '2025-04-16',
                '2025-04-17',
                '2025-04-22',
                '2025-04-23',
                '2025-04-24',
                '2025-04-25',
                '2025-04-28',
              ],
              basis: expect.stringContaining(
                'ending at the end of 2025-04-28 (Europe/London)',
              ) as unknown as string,
              round: 1,
            },
          },
        ]);
    });
  });
});
