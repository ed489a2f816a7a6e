import { project, published, recorded, TENDER } from '../testing/projected-history';
import { CLARIFICATION_ROWS } from './clarifications.projection';

const asked = recorded(
  {
    type: 'ClarificationRequested',
    data: {
      questionId: 'q-1',
      question: 'Is night vision required?',
      askedAt: '2025-03-03T00:00:00.000Z',
      supplierId: 'acme',
    },
  },
  2,
);
const answered = recorded(
  {
    type: 'ClarificationAnswered',
    data: { questionId: 'q-1', answer: 'No', answeredAt: '2025-03-04T00:00:00.000Z' },
  },
  3,
);

describe('the clarifications read model (in memory)', () => {
  it('adds a question unanswered, then answers it in place, keeping who asked', () => {
    expect(
      project([...published, asked])
        .of(CLARIFICATION_ROWS)
        .get(TENDER, 'q-1'),
    ).toEqual({
      tenderId: TENDER,
      questionId: 'q-1',
      question: 'Is night vision required?',
      askedAt: '2025-03-03T00:00:00.000Z',
      answer: null,
      answeredAt: null,
      supplierId: 'acme',
    });
    const rows = project([...published, asked, answered]).of(CLARIFICATION_ROWS);
    expect(rows.get(TENDER, 'q-1')).toMatchObject({
      answer: 'No',
      answeredAt: '2025-03-04T00:00:00.000Z',
      supplierId: 'acme',
    });
    expect(rows.filter(() => true)).toHaveLength(1);
  });

  it('ignores an answer to a question it never saw asked', () => {
    expect(
      project([...published, answered])
        .of(CLARIFICATION_ROWS)
        .filter(() => true),
    ).toEqual([]);
  });
});
