import { fold } from '../shared/domain-event';
import { evolveTender } from './evolve';
import { flattenTender, unflattenTender } from './flat-tender';
import { initialTenderState } from './state';
import { closedAtDeadline, tendering } from '../testing/notice-fixtures';
import { inStandstill, viewOf } from '../testing/evaluation-fixtures';

describe('flattenTender / unflattenTender', () => {
  it('gives the flat record of before: notice, opening and award fields at the top', () => {
    const state = fold(evolveTender, initialTenderState(), [...tendering(), closedAtDeadline()]);
    const flat = flattenTender(state);
    expect(flat).toMatchObject({
      stage: 'closed',
      noticeVersion: 1,
      terms: state.notice.terms,
      publishedAt: state.notice.publishedAt,
      sealingKey: state.opening.sealingKey,
      closedAt: state.opening.closedAt,
      clarifications: {},
    });
    expect(flat).not.toHaveProperty('notice');
    expect(flat).not.toHaveProperty('opening');
  });

  it('round-trips every stage: unflatten(flatten(state)) is the state', () => {
    const standstill = viewOf(inStandstill());
    expect(unflattenTender(flattenTender(standstill.tender))).toStrictEqual(standstill.tender);
    const cancelled = evolveTender(standstill.tender, {
      type: 'TenderCancelled',
      data: { reason: 'Fraud suspected', cancelledAt: 'T3', stage: 'standstill' },
    });
    expect(flattenTender(cancelled)).toMatchObject({
      cancelledAt: 'T3',
      cancellationReason: 'Fraud suspected',
      award: standstill.tender.award.awarded,
    });
    expect(unflattenTender(flattenTender(cancelled))).toStrictEqual(cancelled);
  });
});
