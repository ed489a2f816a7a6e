import type { BidEvent } from './events/bidding';
import { HASH_A } from '../testing/bid-fixtures';
import {
  ACME,
  BETA,
  bidOf,
  declared,
  EVA,
  EVAL_AT,
  EVAN,
  openedWith,
  scored,
  submitted,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { TENDER_ID, tendering } from '../testing/notice-fixtures';
import { evolveTenderView, initialTenderView, type TenderViewEvent } from './tender-view';

describe('evolveTenderView: one tender across its streams', () => {
  it('folds each bid stream into its supplier’s bid', () => {
    const withdrawn: BidEvent = {
      type: 'BidWithdrawn',
      data: { tenderId: TENDER_ID, supplierId: BETA, withdrawnAt: '2025-03-20T09:00:00.000Z' },
    };
    const view = viewOf([...tendering(), bidOf(ACME), bidOf(BETA), withdrawn]);
    expect(Object.keys(view.bids)).toEqual([ACME, BETA]);
    expect(view.bids[ACME]).toMatchObject({
      status: 'submitted',
      supplierId: ACME,
      contentHash: HASH_A,
      noticeVersion: 1,
    });
    expect(view.bids[BETA].status).toBe('withdrawn');
    expect(view.tender.stage).toBe('tendering');
  });

  it('folds each evaluator’s stream into its sheet: declarations, latest scores, last round submitted', () => {
    const view = viewOf([
      ...openedWith(),
      declared(EVA, ACME),
      declared(EVAN, ACME, true),
      scored(EVA, ACME, 'quality', 6),
      scored(EVA, ACME, 'quality', 8, 'Revised after reading the appendix carefully'),
      submitted(EVA, [ACME]),
    ]);
    expect(view.sheets[EVA]).toEqual({
      evaluatorId: EVA,
      declarations: { [ACME]: { conflict: false, declaredAt: EVAL_AT } },
      scores: {
        [ACME]: {
          quality: {
            score: 8,
            justification: 'Revised after reading the appendix carefully',
            scoredAt: EVAL_AT,
          },
        },
      },
      submittedRound: 1,
      submittedAt: SUBMITTED_AT,
    });
    expect(view.sheets[EVAN].declarations[ACME]).toMatchObject({
      conflict: true,
      statement: expect.any(String),
    });
    expect(view.sheets[EVAN].submittedRound).toBeUndefined();
  });

  it('folds tender-stream events into the tender, across stages', () => {
    const view = viewOf(openedWith([ACME, BETA]));
    expect(view.tender.stage).toBe('evaluation');
    expect(view.tender.opening.bidStreams?.map((head) => head.supplierId)).toEqual([ACME, BETA]);
  });

  it('returns the same view for an event nobody knows', () => {
    const view = viewOf(openedWith());
    const unknown = { type: 'SomethingNewer', data: {} } as unknown as TenderViewEvent;
    expect(evolveTenderView(view, unknown)).toBe(view);
    expect(evolveTenderView(initialTenderView(), unknown)).toEqual(initialTenderView());
  });
});
