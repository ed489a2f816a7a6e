import { awardDecider } from '../award/decide';
import { rankBids } from '../award/ranking';
import { integrityReport } from '../integrity/integrity-report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from '../integrity/thresholds';
import type { TenderViewEvent } from '../tender/tender-view';
import type { Actor } from '../shared/actor';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  BETA,
  CEDAR,
  EVA,
  EVAN,
  fullyEvaluated,
  proposeAward,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { officer, secondOfficer, terms } from '../testing/notice-fixtures';
import type { AwardCommand } from '../award/commands';
import { DEFAULT_STANDSTILL_RULES } from '../award/standstill';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

/**
 * Issue 12, finding 1: bids a (ACME), b (BETA), d (CEDAR); both evaluators score quality 9, 7, 5
 * and submit: a 87, b 78, d 58.5. One officer "moderates" a → 0 and d → 10 (a 33, b 78, d 88.5) and
 * awards d. Before the fix both agreed scores counted at once and the award went to standstill.
 */
const unanimous = fullyEvaluated({
  terms: terms({ evaluatorCount: 2 }),
  panel: [EVA, EVAN],
  bids: [
    { supplierId: ACME, scores: { quality: 9, social: 6 } },
    { supplierId: BETA, scores: { quality: 7, social: 6 } },
    { supplierId: CEDAR, scores: { quality: 5, social: 6 } },
  ],
});
const carol: Actor = { ...officer, userId: 'u-carol' };
const A_REASON = 'The safeguarding plan omits escalation contacts for night shifts';
const D_REASON = 'The training schedule exceeds every stated requirement of the specification';
const CONFIRMATION = 'Checked the plan against clause 4.2: the escalation contacts are absent';
const moderate = (
  supplierId: string,
  agreedScore: number,
  reason: string,
  actor: Actor = officer,
): EvaluationCommand => ({
  type: 'ModerateScore',
  actor,
  now: new Date(SUBMITTED_AT),
  supplierId,
  criterionId: 'quality',
  agreedScore,
  reason,
});
const confirm = (
  supplierId: string,
  agreedScore: number,
  actor: Actor = secondOfficer,
): EvaluationCommand => ({
  type: 'ConfirmModeration',
  actor,
  now: new Date('2025-04-08T09:00:00.000Z'),
  supplierId,
  criterionId: 'quality',
  agreedScore,
  reason: CONFIRMATION,
});
const overruled = after(
  evaluationDecider,
  unanimous,
  moderate(ACME, 0, A_REASON),
  moderate(CEDAR, 10, D_REASON),
);
const ranked = (history: readonly TenderViewEvent[]) =>
  rankBids(viewOf(history)).map((bid) => bid.supplierId);
const report = (history: readonly TenderViewEvent[]) =>
  integrityReport(viewOf(history), DEFAULT_INTEGRITY_THRESHOLDS);
const DEPARTURE = 'The moderated scores place this supplier clearly ahead of the others';

describe('finding 1: one officer cannot overturn a unanimous panel', () => {
  it('an agreed score outside the evaluators’ range is only requested, and does not count', () => {
    const recorded = overruled.slice(unanimous.length);
    expect(recorded).toEqual([
      {
        type: 'ScoreModerationRequested',
        data: {
          supplierId: ACME,
          criterionId: 'quality',
          agreedScore: 0,
          evaluatorScores: [9, 9],
          panelRange: { min: 9, max: 9 },
          reason: A_REASON,
          requestedAt: SUBMITTED_AT,
          requestedBy: officer.userId,
          round: 1,
        },
      },
      expect.objectContaining({
        type: 'ScoreModerationRequested',
        data: expect.objectContaining({ supplierId: CEDAR, agreedScore: 10 }),
      }),
    ]);
    expect(ranked(overruled)).toEqual([ACME, BETA, CEDAR]);
  });

  it('while it waits, no award: MODERATION_PENDING naming each cell', () => {
    given(awardDecider, overruled)
      .when(proposeAward(CEDAR, { justification: DEPARTURE }))
      .thenFails('MODERATION_PENDING', {
        violations: [
          expect.objectContaining({ supplierId: ACME, criterionId: 'quality' }),
          expect.objectContaining({ supplierId: CEDAR, criterionId: 'quality' }),
        ],
        rules: ['MODERATION_PENDING'],
      });
  });

  it('the integrity report shows the pending departures in its moderation section, unflagged', () => {
    const { moderation, redFlags } = report(overruled);
    expect(moderation).toMatchObject({
      panelTopRanked: [ACME],
      topRanked: [ACME],
      changesTopRanked: false,
      moderated: [],
      pending: [
        { supplierId: ACME, agreedScore: 0, status: 'pending', departure: true, reason: A_REASON },
        { supplierId: CEDAR, agreedScore: 10, status: 'pending', departure: true },
      ],
      departures: 2,
      moderators: [officer.userId],
    });
    expect(redFlags.map((flag) => flag.code)).not.toContain('FT-MODERATION-CHANGED-RANKING');
  });

  describe('confirmed by a second officer', () => {
    const confirmed = after(evaluationDecider, overruled, confirm(ACME, 0), confirm(CEDAR, 10));

    it('counts: the ranking flips, red-flagged with cells, scores, officers and reasons', () => {
      expect(ranked(confirmed)).toEqual([CEDAR, BETA, ACME]);
      const { moderation, redFlags } = report(confirmed);
      expect(moderation).toMatchObject({
        panelTopRanked: [ACME],
        topRanked: [CEDAR],
        changesTopRanked: true,
        pending: [],
        departures: 2,
        moderators: [officer.userId, secondOfficer.userId],
      });
      const flag = redFlags.find((f) => f.code === 'FT-MODERATION-CHANGED-RANKING');
      expect(flag).toEqual({
        key: 'FT-MODERATION-CHANGED-RANKING',
        code: 'FT-MODERATION-CHANGED-RANKING',
        title: "Moderation changed which bid ranks first on the panel's scores",
        raisedAt: '2025-04-08T09:00:00.000Z',
        supplierId: CEDAR,
        evidence: {
          panelTopRanked: [ACME],
          topRanked: [CEDAR],
          panelRanking: [
            { supplierId: ACME, rank: 1, total: 87 },
            { supplierId: BETA, rank: 2, total: 78 },
            { supplierId: CEDAR, rank: 3, total: 58.5 },
          ],
          ranking: [
            { supplierId: CEDAR, rank: 1, total: 88.5 },
            { supplierId: BETA, rank: 2, total: 78 },
            { supplierId: ACME, rank: 3, total: 33 },
          ],
          cells: [
            {
              supplierId: ACME,
              criterionId: 'quality',
              agreedScore: 0,
              evaluatorScores: [9, 9],
              panelMean: 9,
              panelRange: { min: 9, max: 9 },
              departure: true,
              status: 'confirmed',
              moderatedBy: officer.userId,
              moderatedAt: SUBMITTED_AT,
              reason: A_REASON,
              confirmedBy: secondOfficer.userId,
              confirmedAt: '2025-04-08T09:00:00.000Z',
              confirmationReason: CONFIRMATION,
            },
            expect.objectContaining({ supplierId: CEDAR, agreedScore: 10, panelMean: 5 }),
          ],
        },
      });
    });

    it('an award to d, now top, records both moderation departures for the award notice', () => {
      const [proposed] = awardDecider.decide(proposeAward(CEDAR), viewOf(confirmed));
      expect(proposed.type).toBe('AwardProposed');
      expect(proposed.data).toMatchObject({
        supplierId: CEDAR,
        topRanked: [CEDAR],
        departures: ['moderation-outside-panel-range', 'moderation-changed-ranking'],
        panelTopRanked: [ACME],
        moderatedCells: [
          expect.objectContaining({ supplierId: ACME, confirmedBy: secondOfficer.userId }),
          expect.objectContaining({ supplierId: CEDAR, confirmedBy: secondOfficer.userId }),
        ],
      });
    });
  });

  describe('not confirmed: the officer settles within the range and awards d anyway', () => {
    const settled = after(
      evaluationDecider,
      overruled,
      moderate(ACME, 9, A_REASON),
      moderate(CEDAR, 5, D_REASON),
    );
    const confirmAward = (actor: Actor): AwardCommand => ({
      type: 'ConfirmAward',
      actor,
      now: new Date('2025-04-15T09:00:00.000Z'),
      standstillRules: DEFAULT_STANDSTILL_RULES,
    });
    const proposed = after(
      awardDecider,
      settled,
      proposeAward(CEDAR, { justification: DEPARTURE }),
    );

    it('an agreed score within the range replaces the request and counts at once', () => {
      expect(settled.slice(overruled.length).map((event) => event.type)).toEqual([
        'ScoreModerated',
        'ScoreModerated',
      ]);
      expect(viewOf(settled).tender.evaluation.pendingModerations).toEqual({});
      expect(ranked(settled)).toEqual([ACME, BETA, CEDAR]);
    });

    it('the requests it replaced stay on the record as departures', () => {
      const { moderation, redFlags } = report(settled);
      expect(moderation).toMatchObject({
        changesTopRanked: false,
        pending: [],
        superseded: [
          { supplierId: ACME, agreedScore: 0, status: 'superseded', departure: true },
          { supplierId: CEDAR, agreedScore: 10, status: 'superseded', departure: true },
        ],
        moderated: [
          { supplierId: ACME, agreedScore: 9, status: 'agreed', departure: false },
          { supplierId: CEDAR, agreedScore: 5, status: 'agreed', departure: false },
        ],
        departures: 2,
      });
      expect(redFlags.map((flag) => flag.code)).not.toContain('FT-MODERATION-CHANGED-RANKING');
    });

    it('the award of d waits for a second officer: neither the proposer nor one who moderated', () => {
      expect(proposed.slice(settled.length).map((event) => event.type)).toEqual([
        'AwardConfirmationRequested',
      ]);
      given(awardDecider, proposed)
        .when(confirmAward(officer))
        .thenFails('SAME_OFFICER_TWICE', { proposedBy: officer.userId });
      const moderatedByBob = after(
        evaluationDecider,
        settled,
        moderate(BETA, 7, A_REASON, secondOfficer),
      );
      const history = after(
        awardDecider,
        moderatedByBob,
        proposeAward(CEDAR, { justification: DEPARTURE }),
      );
      given(awardDecider, history)
        .when(confirmAward(secondOfficer))
        .thenFails('CONFIRMER_MODERATED', {
          confirmerId: secondOfficer.userId,
          moderators: [officer.userId, secondOfficer.userId],
        });
      const [awarded] = awardDecider.decide(confirmAward(carol), viewOf(history));
      expect(awarded).toMatchObject({
        type: 'AwardProposed',
        data: {
          supplierId: CEDAR,
          departures: ['winner-not-top-ranked'],
          departureJustification: DEPARTURE,
          confirmedBy: carol.userId,
        },
      });
    });
  });
});
