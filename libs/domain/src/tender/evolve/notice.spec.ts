import { fold } from '../../shared/domain-event';
import type { NoticeEvent } from '../events/notice';
import { evolveTender } from '../evolve';
import {
  amended,
  closedAtDeadline,
  drafted,
  NOW,
  tendering,
  terms,
} from '../../testing/notice-fixtures';
import { initialTenderState } from '../state';

const foldTender = (events: NoticeEvent[]) => fold(evolveTender, initialTenderState(), events);

describe('evolveTender', () => {
  it('folds a draft', () => {
    expect(foldTender([drafted()])).toStrictEqual({
      stage: 'draft',
      tenderId: 't-cameras',
      buyerOrganisationId: 'org-council',
      notice: { terms: terms(), version: 0, clarifications: {} },
      opening: {},
      evaluation: { round: 1, compliance: {}, appointed: [], panel: [], moderated: {} },
      award: {},
      challenges: {},
    });
  });

  it('folds publication, the sealing key and amendments into the current terms', () => {
    const state = foldTender([
      ...tendering(),
      amended({ submissionDeadline: '2025-04-30T12:00:00.000Z' }, 2),
      amended({ title: 'Cameras' }, 3),
    ]);
    expect(state).toMatchObject({
      stage: 'tendering',
      notice: {
        publishedAt: NOW.toISOString(),
        version: 3,
        lastAmendedAt: '2025-03-10T09:00:00.000Z',
      },
      opening: { sealingKey: { keyId: 'dk-1', wrappedKey: 'd3JhcHBlZA==' } },
    });
    expect(state.notice.terms).toStrictEqual(
      terms({ title: 'Cameras', submissionDeadline: '2025-04-30T12:00:00.000Z' }),
    );
  });

  it('tracks questions and their answers', () => {
    const state = foldTender([
      ...tendering(),
      {
        type: 'ClarificationRequested',
        data: { questionId: 'q1', question: 'Docks?', askedAt: 'T1', supplierId: 'org-acme' },
      },
      {
        type: 'ClarificationAnswered',
        data: { questionId: 'q1', answer: 'Yes', answeredAt: 'T2' },
      },
      {
        type: 'ClarificationAnswered',
        data: { questionId: 'q-unknown', answer: 'No', answeredAt: 'T3' },
      },
    ]);
    expect(state.notice.clarifications).toStrictEqual({
      q1: {
        questionId: 'q1',
        question: 'Docks?',
        askedAt: 'T1',
        supplierId: 'org-acme',
        answer: 'Yes',
        answeredAt: 'T2',
      },
    });
  });

  it('folds closing, both opening confirmations and cancellation', () => {
    const opened = foldTender([
      ...tendering(),
      closedAtDeadline(),
      { type: 'BidOpeningConfirmed', data: { officerId: 'u-alice', confirmedAt: 'T1' } },
      {
        type: 'BidsOpened',
        data: { openedAt: 'T2', officerIds: ['u-alice', 'u-bob'], bidStreams: [] },
      },
    ]);
    expect(opened).toMatchObject({
      stage: 'evaluation',
      opening: {
        closedAt: '2025-03-31T12:00:00.000Z',
        openedAt: 'T2',
        openedBy: ['u-alice', 'u-bob'],
        bidStreams: [],
      },
    });
    expect(opened.opening).not.toHaveProperty('confirmation');
    const cancelled = evolveTender(opened, {
      type: 'TenderCancelled',
      data: { reason: 'Fraud suspected', cancelledAt: 'T3', stage: 'evaluation' },
    });
    expect(cancelled).toMatchObject({
      stage: 'cancelled',
      notice: { cancelled: { at: 'T3', reason: 'Fraud suspected' } },
    });
  });

  it('ignores events it does not know, returning the same state', () => {
    const state = foldTender(tendering());
    const future = {
      type: 'EvaluatorAppointed',
      data: { evaluatorId: 'u-x' },
    } as unknown as NoticeEvent;
    expect(evolveTender(state, future)).toBe(state);
  });

  it('does not mutate the state it is given', () => {
    const state = Object.freeze(foldTender([drafted()]));
    expect(() => evolveTender(state, tendering()[1])).not.toThrow();
    expect(state.stage).toBe('draft');
  });
});
