import { isDomainError } from '../shared/domain-error';
import type { TenderViewEvent } from '../tender/tender-view';
import {
  ACME,
  BETA,
  CEDAR,
  EVA,
  EVAN,
  evaluator,
  EWAN,
  fullyEvaluated,
  openedScenario,
  PANEL,
  panelAppointed,
  scored,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { officer, terms } from '../testing/notice-fixtures';
import { scenario, type Scenario } from '../testing/scenario';
import { evaluationDecider } from './decide';
import {
  evaluatorWorkFacts,
  evaluatorWorkload,
  readyToSubmit,
  type EvaluatorWorkload,
} from './evaluator-workload';

/** Given a tender's history, then an evaluator's work on it. */
const given = (history: readonly TenderViewEvent[] | Scenario) => {
  const events = Array.isArray(history) ? history : (history as Scenario).events();
  return {
    then(evaluatorId: string, expected: Partial<EvaluatorWorkload>): EvaluatorWorkload {
      const work = evaluatorWorkload(evaluatorWorkFacts(viewOf(events), evaluatorId));
      expect(work).toMatchObject(expected);
      return work;
    },
  };
};

/** Two bids opened, ACME passed and BETA undecided, a panel of three appointed (council terms: quality, social). */
const appointed = () => openedScenario([ACME, BETA]).passed(ACME).appointPanel(PANEL);

const reopened: TenderViewEvent = {
  type: 'EvaluationReopened',
  data: { round: 2, reason: 'Upheld', challengeId: 'ch-1', reopenedAt: '2025-05-01T10:00:00.000Z' },
};

describe('evaluatorWorkload: what an evaluator still has to score', () => {
  it('given the panel appointed, then a member who has not accepted yet has every cell of the passed bid to score', () => {
    const work = given(appointed()).then(EVA, {});
    expect(work).toEqual({
      membership: 'appointed',
      status: 'to-score',
      bidsToScore: 1,
      bidsAwaitingCompliance: 1,
      declarationsDue: 1,
      cellsExpected: 2,
      cellsScored: 0,
      submitted: false,
    });
  });

  it('given it accepted, declared and scored one criterion, then one cell of four is scored', () => {
    const s = appointed().passed(BETA).accepted(EVA).declared(EVA, ACME);
    given(s.scored(EVA, ACME, { quality: 8 })).then(EVA, {
      membership: 'accepted',
      bidsToScore: 2,
      bidsAwaitingCompliance: 0,
      declarationsDue: 1,
      cellsExpected: 4,
      cellsScored: 1,
    });
    // Another member's scores are its own work, not EVA's.
    given(s.accepted(EVAN).declared(EVAN, BETA).scored(EVAN, BETA, { quality: 5 })).then(EVA, {
      cellsScored: 1,
    });
  });

  it('given a declared conflict, then that bid is not to score, even when declared after scoring it', () => {
    const s = appointed().passed(BETA).accepted(EVA).declared(EVA, ACME).declared(EVA, BETA);
    s.scored(EVA, ACME, { quality: 8 }).scored(EVA, BETA, { quality: 5, social: 5 });
    given(s).then(EVA, { bidsToScore: 2, cellsExpected: 4, cellsScored: 3 });
    given(s.declared(EVA, BETA, { conflict: true })).then(EVA, {
      bidsToScore: 1,
      declarationsDue: 0,
      cellsExpected: 2,
      cellsScored: 1,
    });
  });

  it('given a bid excluded at compliance, or withdrawn before opening, then it is nobody’s to score', () => {
    const s = openedScenario([ACME, BETA])
      .excluded(BETA, { requirement: 'quality' })
      .passed(ACME)
      .appointPanel(PANEL);
    given(s).then(EVA, { bidsToScore: 1, bidsAwaitingCompliance: 0, cellsExpected: 2 });
    const withdrawn = scenario({ terms: terms() })
      .publish()
      .bids(ACME, BETA, CEDAR)
      .withdraw(CEDAR)
      .closed()
      .opened()
      .passed(ACME)
      .passed(BETA)
      .appointPanel(PANEL);
    given(withdrawn).then(EVA, { bidsToScore: 2, bidsAwaitingCompliance: 0, cellsExpected: 4 });
  });

  it('given a score stored without a written justification, then that cell is still to score', () => {
    const s = appointed().accepted(EVA).declared(EVA, ACME);
    s.stored(evaluator(EVA), scored(EVA, ACME, 'quality', 8, 'ok'));
    given(s).then(EVA, { cellsExpected: 2, cellsScored: 0 });
  });

  it('given its submission, then it is done; given the evaluation reopened, then it is to score again with its scores kept', () => {
    const evaluated = fullyEvaluated();
    given(evaluated).then(EVA, {
      membership: 'accepted',
      status: 'done',
      submitted: true,
      cellsExpected: 4,
      cellsScored: 4,
    });
    given([...evaluated, reopened]).then(EVA, {
      status: 'to-score',
      submitted: false,
      cellsScored: 4,
    });
  });

  it('given a later appointment that leaves it off, then it is removed and nothing is asked of it', () => {
    const s = openedScenario([ACME, BETA]).passed(ACME).panel([EVA, EVAN, EWAN, 'u-ella']);
    given(s.appointPanel([EVAN, EWAN, 'u-ella'])).then(EVA, {
      membership: 'removed',
      status: 'closed',
    });
    given(s).then(EVAN, { membership: 'accepted', status: 'to-score' });
  });

  it('given a version-1 appointment (before acceptance existed), then its members are seated at once', () => {
    const s = openedScenario([ACME, BETA]).passed(ACME);
    const v1 = panelAppointed(PANEL);
    s.stored(officer, { ...v1, data: { ...v1.data, acceptanceRequired: false } });
    given(s).then(EVA, { membership: 'accepted', status: 'to-score' });
  });

  it('given the tender cancelled in evaluation, then its work is closed', () => {
    given(appointed().accepted(EVA).cancel('The need went away with the reorganisation')).then(
      EVA,
      { membership: 'accepted', status: 'closed' },
    );
  });

  it('says it is ready to submit exactly when SubmitEvaluation accepts its submission', () => {
    const s = openedScenario([ACME, BETA]).panel(PANEL);
    const steps: ((s: Scenario) => Scenario)[] = [
      (t) => t.passed(ACME),
      (t) => t.declared(EVA, ACME),
      (t) => t.scored(EVA, ACME, { quality: 8 }),
      (t) => t.scored(EVA, ACME, { social: 6 }),
      (t) => t.passed(BETA),
      (t) => t.declared(EVA, BETA, { conflict: true }),
    ];
    const verdicts: [boolean, boolean][] = [];
    for (const step of [(t: Scenario) => t, ...steps]) {
      step(s);
      const work = evaluatorWorkload(evaluatorWorkFacts(s.view(), EVA));
      verdicts.push([readyToSubmit(work), accepts(s)]);
    }
    expect(verdicts.map(([ready, accepted]) => ready === accepted)).toEqual(
      verdicts.map(() => true),
    );
    // The walk reached both answers: a check that never says "ready" would prove nothing.
    expect(verdicts.map(([ready]) => ready)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
    ]);
  });
});

function accepts(s: Scenario): boolean {
  try {
    evaluationDecider.decide(
      { type: 'SubmitEvaluation', actor: evaluator(EVA), now: new Date(SUBMITTED_AT) },
      s.view(),
    );
    return true;
  } catch (error) {
    if (isDomainError(error)) return false;
    throw error;
  }
}
