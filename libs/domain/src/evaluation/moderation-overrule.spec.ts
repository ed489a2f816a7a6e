import { awardDecider } from '../award/decide';
import { rankBids } from '../award/ranking';
import { integrityReport } from '../integrity/integrity-report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from '../integrity/thresholds';
import type { TenderViewEvent } from '../lifecycle/tender-view';
import {
  ACME,
  BETA,
  CEDAR,
  EVA,
  EVAN,
  fullyEvaluated,
  proposeAward,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { officer, terms } from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

/**
 * Issue 12, finding 1: bids a (ACME), b (BETA), d (CEDAR); both evaluators score quality 9, 7, 5
 * and submit. One officer "moderates" a → 0 and d → 10 and awards d.
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
const moderate = (supplierId: string, agreedScore: number, reason: string): EvaluationCommand => ({
  type: 'ModerateScore',
  actor: officer,
  now: new Date(SUBMITTED_AT),
  supplierId,
  criterionId: 'quality',
  agreedScore,
  reason,
});
const overruled = (history: readonly TenderViewEvent[]): TenderViewEvent[] => {
  const events = [...history];
  for (const command of [
    moderate(ACME, 0, 'The safeguarding plan omits escalation contacts'),
    moderate(CEDAR, 10, 'The training schedule exceeds every stated requirement'),
  ]) {
    events.push(...evaluationDecider.decide(command, viewOf(events)));
  }
  return events;
};

describe('finding 1: one officer cannot overturn a unanimous panel', () => {
  it('an agreed score outside the evaluators’ range waits for a second officer and does not count', () => {
    const history = overruled(unanimous);
    const recorded = history.slice(unanimous.length).map((event) => event.type);
    expect(recorded).toEqual(['ScoreModerationRequested', 'ScoreModerationRequested']);
    expect(rankBids(viewOf(history)).map((bid) => bid.supplierId)).toEqual([ACME, BETA, CEDAR]);
  });

  it('the same officer’s award of d is no longer decided alone', () => {
    const history = overruled(unanimous);
    const decided = awardDecider.decide(
      proposeAward(CEDAR, {
        justification: 'The moderated scores place this supplier clearly ahead of the others',
      }),
      viewOf(history),
    );
    expect(decided.map((event) => event.type)).not.toContain('AwardProposed');
  });

  it('the pending departure shows in the integrity report’s moderation section', () => {
    const report = integrityReport(viewOf(overruled(unanimous)), DEFAULT_INTEGRITY_THRESHOLDS);
    expect(report).toHaveProperty('moderation');
  });
});
