import { evolveRow, type ProjectedEvent, type RowHandlers } from '../runner/projected-event';
import type { Projection } from '../runner/projection';
import type { ClarificationRow } from './clarifications.table';
import { CLARIFICATIONS } from './clarifications.table';
import { pairs, tableSlice, UNNEST_PAIRS } from '../runner/working-set';

/** The questions a batch's events name. */
export const CLARIFICATION_ROWS = tableSlice(CLARIFICATIONS, async (rows, tx, events) => {
  const questions = pairs(events, 'questionId');
  if (questions[0].length > 0)
    await rows.load(tx, `(tender_id, question_id) IN ${UNNEST_PAIRS}`, questions);
});

/** rm_clarifications: one row per question, answered in place. */
export const clarificationHandlers: RowHandlers<ClarificationRow> = {
  ClarificationRequested: (_row, data, event) => ({
    tenderId: event.tenderId,
    questionId: data.questionId,
    question: data.question,
    askedAt: data.askedAt,
    answer: null,
    answeredAt: null,
    supplierId: data.supplierId,
  }),
  ClarificationAnswered: (row, data) =>
    row && { ...row, answer: data.answer, answeredAt: data.answeredAt },
};

export function evolveClarification(row: ClarificationRow | undefined, event: ProjectedEvent) {
  return evolveRow(clarificationHandlers, row, event, undefined);
}

function questionIdOf(event: ProjectedEvent): string | undefined {
  if (event.type !== 'ClarificationRequested' && event.type !== 'ClarificationAnswered') return;
  return (event.data as { questionId: string }).questionId;
}

export const clarificationsProjection: Projection = {
  name: 'clarifications',
  group: 'tendering',
  slices: [CLARIFICATION_ROWS],
  apply(rows, event) {
    const questionId = questionIdOf(event);
    if (questionId === undefined || event.streamKind !== 'tender') return;
    const row = rows.of(CLARIFICATION_ROWS).get(event.tenderId, questionId);
    const next = evolveClarification(row, event);
    if (next && next !== row) rows.of(CLARIFICATION_ROWS).put(next);
  },
};
