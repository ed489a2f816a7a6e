import { evolveRow, type ProjectedEvent, type RowHandlers } from './projected-event';
import type { Projection } from './projection';
import type { ClarificationRow } from './rows';

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
  apply(rows, event) {
    const questionId = questionIdOf(event);
    if (questionId === undefined || event.streamKind !== 'tender') return;
    const row = rows.clarifications.get(event.tenderId, questionId);
    const next = evolveClarification(row, event);
    if (next && next !== row) rows.clarifications.put(next);
  },
};
