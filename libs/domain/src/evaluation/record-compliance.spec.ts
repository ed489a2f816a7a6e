import type { BidEvent } from '../bidding/events';
import type { TenderViewEvent } from '../lifecycle/tender-view';
import { given } from '../shared/testing';
import { HASH_A } from '../testing/bid-fixtures';
import {
  ACME,
  BETA,
  bidOf,
  bidsOpened,
  CEDAR,
  EVAL_AT,
  EVAL_NOW,
  EVA,
  excluded,
  fullyEvaluated,
  openedBid,
  openedWith,
  passed,
  REASON_TEXT,
} from '../testing/evaluation-fixtures';
import {
  amended,
  closedAtDeadline,
  foreignOfficer,
  officer,
  supplier,
  TENDER_ID,
  tendering,
} from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const record = (
  supplierId: string,
  decision: 'passed' | 'excluded',
  extra: Partial<Extract<EvaluationCommand, { type: 'RecordCompliance' }>> = {},
): EvaluationCommand => ({
  type: 'RecordCompliance',
  actor: officer,
  now: EVAL_NOW,
  supplierId,
  decision,
  opened: openedBid(supplierId),
  ...extra,
});
const exclude = (supplierId: string, reasonCode?: string, reasonText?: string) =>
  record(supplierId, 'excluded', { reasonCode, reasonText });

describe('RecordCompliance (rule 4)', () => {
  const opened = openedWith([ACME, BETA]);

  it('passes a bid, carrying the price and content hash read from the opened bid', () => {
    given(evaluationDecider, opened)
      .when(record(ACME, 'passed'))
      .then([
        {
          type: 'BidComplianceRecorded',
          data: {
            supplierId: ACME,
            contentHash: HASH_A,
            price: { amount: 200_000, currency: 'GBP' },
            decision: 'passed',
            recordedAt: EVAL_AT,
            recordedBy: officer.userId,
            round: 1,
          },
        },
      ]);
  });

  it('excludes a bid with a listed reason code and a trimmed reason text', () => {
    given(evaluationDecider, opened)
      .when(exclude(BETA, 'abnormally-low-tender', `  ${REASON_TEXT}  `))
      .then([
        {
          type: 'BidComplianceRecorded',
          data: {
            supplierId: BETA,
            contentHash: 'b'.repeat(64),
            price: { amount: 180_000, currency: 'GBP' },
            decision: 'excluded',
            reasonCode: 'abnormally-low-tender',
            reasonText: REASON_TEXT,
            recordedAt: EVAL_AT,
            recordedBy: officer.userId,
            round: 1,
          },
        },
      ]);
  });

  it.each([
    ['a one-word reason (the seeds’ "Price.")', 'requirements-not-met', 'Price.'],
    ['the seeds’ "Late."', 'incomplete-submission', 'Late.'],
    ['no reason text', 'requirements-not-met', undefined],
    ['no reason code', undefined, REASON_TEXT],
    ['an unlisted reason code', 'too-expensive', REASON_TEXT],
  ])('refuses an exclusion with %s: EXCLUSION_UNREASONED', (_case, code, text) => {
    given(evaluationDecider, opened)
      .when(exclude(BETA, code, text))
      .thenFails('EXCLUSION_UNREASONED', {
        supplierId: BETA,
        reasonCode: code ?? null,
        allowed: expect.arrayContaining(['requirements-not-met', 'abnormally-low-tender']),
      });
  });

  it('does not record the same decision twice, and records a changed one', () => {
    given(evaluationDecider, [...opened, passed(ACME)])
      .when(record(ACME, 'passed'))
      .then([]);
    given(evaluationDecider, [...opened, excluded(BETA)])
      .when(exclude(BETA, 'requirements-not-met', REASON_TEXT))
      .then([]);
    given(evaluationDecider, [...opened, passed(ACME)])
      .when(exclude(ACME, 'requirements-not-met', REASON_TEXT))
      .then([
        {
          type: 'BidComplianceRecorded',
          data: {
            supplierId: ACME,
            ...openedBid(ACME),
            decision: 'excluded',
            reasonCode: 'requirements-not-met',
            reasonText: REASON_TEXT,
            recordedAt: EVAL_AT,
            recordedBy: officer.userId,
            round: 1,
          },
        },
      ]);
  });

  describe('rule 6: a bid never re-confirmed after an amendment', () => {
    const amendedAfterBid: TenderViewEvent[] = [
      ...tendering(),
      bidOf(ACME),
      amended({ title: 'Body-worn cameras and docks' }, 2),
      closedAtDeadline(),
      bidsOpened([ACME]),
    ];

    it('cannot pass: BID_NOT_RECONFIRMED', () => {
      given(evaluationDecider, amendedAfterBid)
        .when(record(ACME, 'passed'))
        .thenFails('BID_NOT_RECONFIRMED', {
          supplierId: ACME,
          bidNoticeVersion: 1,
          noticeVersion: 2,
        });
    });

    it('may be excluded with reason not-reconfirmed-after-amendment', () => {
      const reasonText = 'Never confirmed against notice version 2';
      given(evaluationDecider, amendedAfterBid)
        .when(exclude(ACME, 'not-reconfirmed-after-amendment', reasonText))
        .then([excluded(ACME, 'not-reconfirmed-after-amendment', reasonText)]);
    });

    it('passes once re-confirmed', () => {
      const reconfirmed: BidEvent = {
        type: 'BidReconfirmed',
        data: {
          tenderId: TENDER_ID,
          supplierId: ACME,
          confirmedAt: '2025-03-12T09:00:00.000Z',
          noticeVersion: 2,
        },
      };
      const [draftedEvent, publishedEvent, keyEvent, bid, amendment, ...rest] = amendedAfterBid;
      const history = [
        draftedEvent,
        publishedEvent,
        keyEvent,
        bid,
        amendment,
        reconfirmed,
        ...rest,
      ];
      given(evaluationDecider, history)
        .when(record(ACME, 'passed'))
        .then([passed(ACME)]);
    });
  });

  it('refuses a supplier with no opened, standing bid: BID_NOT_FOUND', () => {
    given(evaluationDecider, opened)
      .when(record(CEDAR, 'passed'))
      .thenFails('BID_NOT_FOUND', { supplierId: CEDAR });
    const withdrawn: BidEvent = {
      type: 'BidWithdrawn',
      data: { tenderId: TENDER_ID, supplierId: BETA, withdrawnAt: '2025-03-20T09:00:00.000Z' },
    };
    given(evaluationDecider, [
      ...tendering(),
      bidOf(ACME),
      bidOf(BETA),
      withdrawn,
      closedAtDeadline(),
      bidsOpened([ACME, BETA]),
    ])
      .when(record(BETA, 'passed'))
      .thenFails('BID_NOT_FOUND', { supplierId: BETA });
  });

  it('refuses opened content that does not match the bid’s commitment (a server fault, not a user error)', () => {
    expect(() =>
      given(evaluationDecider, opened)
        .when(
          record(ACME, 'passed', { opened: { ...openedBid(ACME), contentHash: 'd'.repeat(64) } }),
        )
        .then([]),
    ).toThrow(/does not match its commitment/);
  });

  it('refuses to change a decision once an evaluator has submitted: EVALUATION_UNDER_WAY', () => {
    given(evaluationDecider, fullyEvaluated())
      .when(exclude(BETA, 'requirements-not-met', REASON_TEXT))
      .thenFails('EVALUATION_UNDER_WAY', { submitted: [EVA, 'u-evan', 'u-ewan'], round: 1 });
    // The same decision again is not a change, so it is simply a no-op.
    given(evaluationDecider, fullyEvaluated()).when(record(ACME, 'passed')).then([]);
  });

  it('is for officers of the buyer, in evaluation', () => {
    given(evaluationDecider, opened)
      .when(record(ACME, 'passed', { actor: supplier }))
      .thenFails('ROLE_NOT_ALLOWED', { role: 'supplier', allowed: ['officer'] });
    given(evaluationDecider, opened)
      .when(record(ACME, 'passed', { actor: foreignOfficer }))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(evaluationDecider, [...tendering(), bidOf(ACME), closedAtDeadline()])
      .when(record(ACME, 'passed'))
      .thenFails('ILLEGAL_STAGE', { stage: 'closed', allowed: ['evaluation'] });
    given(evaluationDecider, []).when(record(ACME, 'passed')).thenFails('TENDER_NOT_FOUND');
  });
});
