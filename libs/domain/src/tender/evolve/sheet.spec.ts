import type { EvaluatorEvent } from '../events/evaluation';
import { evolveSheet, foldSheet } from './sheet';
import type { EvaluatorSheet } from '../evaluation-state';

const at = (minute: number) => new Date(Date.UTC(2025, 4, 1, 9, minute)).toISOString();
const scored = (
  supplierId: string,
  criterionId: string,
  score: number,
  minute: number,
): EvaluatorEvent => ({
  type: 'BidScored',
  data: {
    evaluatorId: 'eve',
    supplierId,
    criterionId,
    score,
    justification: `Reasoned score ${score} for ${supplierId}: storage and training evidence checked`,
    scoredAt: at(minute),
    round: 1,
  },
});

const history: EvaluatorEvent[] = [
  {
    type: 'ConflictOfInterestDeclared',
    data: { evaluatorId: 'eve', supplierId: 'acme', conflict: false, declaredAt: at(0) },
  },
  {
    type: 'ConflictOfInterestDeclared',
    data: { evaluatorId: 'eve', supplierId: 'birch', conflict: false, declaredAt: at(1) },
  },
  scored('acme', 'quality', 6, 2),
  scored('acme', 'social', 4, 3),
  scored('birch', 'quality', 8, 4),
  scored('acme', 'quality', 7, 5),
  {
    type: 'EvaluationSubmitted',
    data: { evaluatorId: 'eve', round: 1, submittedAt: at(6), scoredBids: ['acme', 'birch'] },
  },
  {
    type: 'ConflictOfInterestDeclared',
    data: {
      evaluatorId: 'eve',
      supplierId: 'birch',
      conflict: true,
      statement: 'My brother is a director of Birch Ltd',
      declaredAt: at(7),
    },
  },
];

const oneByOne = (start: EvaluatorSheet | undefined, events: EvaluatorEvent[]) =>
  events.reduce<EvaluatorSheet | undefined>((sheet, event) => evolveSheet(sheet, event), start);

describe('foldSheet', () => {
  it('folds a stream to exactly what evolveSheet gives event by event', () => {
    expect(foldSheet(undefined, history)).toStrictEqual(oneByOne(undefined, history));
  });

  it('continues from an earlier fold without changing it', () => {
    const earlier = foldSheet(undefined, history.slice(0, 4))!;
    const snapshot = structuredClone(earlier);
    expect(foldSheet(earlier, history.slice(4))).toStrictEqual(oneByOne(undefined, history));
    expect(earlier).toStrictEqual(snapshot);
  });

  it('returns the sheet as it was when there is nothing new', () => {
    const sheet = foldSheet(undefined, history);
    expect(foldSheet(sheet, [])).toBe(sheet);
  });
});
