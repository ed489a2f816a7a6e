import { awardDecider } from '../award/decide';
import { evaluationDecider } from '../evaluation/decide';
import type { EvaluationCommand } from '../evaluation/commands';
import {
  ACME,
  after,
  BETA,
  fullyEvaluated,
  proposeAward,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { officer } from '../testing/notice-fixtures';
import { integrityReport } from './integrity-report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from './thresholds';

const REASON = 'The panel agreed the evidence of delivery is weaker than first read';
const moderate = (agreedScore: number): EvaluationCommand => ({
  type: 'ModerateScore',
  actor: officer,
  now: new Date(SUBMITTED_AT),
  supplierId: ACME,
  criterionId: 'quality',
  agreedScore,
  reason: REASON,
});
// ACME quality 10, 6, 8 (mean 8): ACME 81, BETA 73.
const evaluated = fullyEvaluated({
  bids: [{ supplierId: ACME, scores: { quality: [10, 6, 8], social: 6 } }, BETA],
});
const report = (history: Parameters<typeof viewOf>[0]) =>
  integrityReport(viewOf(history), DEFAULT_INTEGRITY_THRESHOLDS);
const codes = (history: Parameters<typeof viewOf>[0]) =>
  report(history).redFlags.map((flag) => flag.code);

describe('FT-MODERATION-CHANGED-RANKING and the moderation section', () => {
  it('an agreed score within the range that changes who ranks first is flagged, not a departure', () => {
    const history = after(evaluationDecider, evaluated, moderate(6));
    const { moderation, redFlags } = report(history);
    expect(moderation).toMatchObject({
      panelTopRanked: [ACME],
      topRanked: [BETA],
      changesTopRanked: true,
      moderated: [
        {
          supplierId: ACME,
          agreedScore: 6,
          evaluatorScores: [10, 6, 8],
          panelMean: 8,
          panelRange: { min: 6, max: 10 },
          departure: false,
          status: 'agreed',
          moderatedBy: officer.userId,
          reason: REASON,
        },
      ],
      departures: 0,
    });
    expect(redFlags).toContainEqual(
      expect.objectContaining({
        code: 'FT-MODERATION-CHANGED-RANKING',
        supplierId: BETA,
        raisedAt: SUBMITTED_AT,
      }),
    );
    const [proposed] = awardDecider.decide(proposeAward(BETA), viewOf(history));
    expect(proposed.data).toMatchObject({
      departures: ['moderation-changed-ranking'],
      panelTopRanked: [ACME],
    });
  });

  it('moderation that leaves the top alone raises nothing and records no departure', () => {
    const history = after(evaluationDecider, evaluated, moderate(7));
    expect(codes(history)).not.toContain('FT-MODERATION-CHANGED-RANKING');
    expect(report(history).moderation.changesTopRanked).toBe(false);
    const [proposed] = awardDecider.decide(proposeAward(ACME), viewOf(history));
    expect(proposed.data).toMatchObject({ departures: [] });
    expect(proposed.data).not.toHaveProperty('moderatedCells');
  });

  it('shows nothing while the bids are sealed', () => {
    const sealed = evaluated.slice(
      0,
      evaluated.findIndex((event) => event.type === 'BidsOpened'),
    );
    expect(report(sealed).moderation).toMatchObject({ panelRanking: [], moderated: [] });
  });
});
