import type { BidEvent } from '../tender/events/bidding';
import type { TenderViewEvent } from '../tender/tender-view';
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
/** The requirement each code's exclusions name in these specs, unless a test says otherwise. */
const REQUIREMENT: Record<string, string> = {
  'requirements-not-met': 'quality',
  'incomplete-submission': 'social',
  'abnormally-low-tender': 'price',
  'not-reconfirmed-after-amendment': 'current-notice-version',
};
const exclude = (
  supplierId: string,
  reasonCode?: string,
  reasonText?: string,
  requirement: string | undefined = REQUIREMENT[reasonCode ?? ''],
) => record(supplierId, 'excluded', { reasonCode, reasonText, requirement });

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
            requirement: 'price',
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

  describe('a reason that measures content (the one rule for reasons, shared/substantive-text.ts)', () => {
    it.each([
      ['the finding’s "Price. Price. Price. Price."', 'Price. Price. Price. Price.', 'too_short'],
      [
        'one word seven times',
        'Price. Price. Price. Price. Price. Price. Price.',
        'too_few_distinct_words',
      ],
      [
        'a sentence padded by a word said over and over',
        'The price is far above the budget ceiling very very very very',
        'repetition',
      ],
      [
        'one sentence pasted twice',
        'Storage falls short of the retention period. Storage falls short of the retention period.',
        'repetition',
      ],
      [
        'a stock phrase of stop words and evaluation filler',
        'Not agreed by the panel after the discussion at the meeting',
        'too_few_content_words',
      ],
    ])('refuses %s: EXCLUSION_UNREASONED, saying which test failed', (_case, text, problem) => {
      given(evaluationDecider, opened)
        .when(exclude(BETA, 'requirements-not-met', text))
        .thenFails('EXCLUSION_UNREASONED', { supplierId: BETA, problem });
    });

    it('names the requirement or criterion the bid failed: requirement_missing, requirement_unknown', () => {
      given(evaluationDecider, opened)
        .when(exclude(BETA, 'requirements-not-met', REASON_TEXT, ''))
        .thenFails('EXCLUSION_UNREASONED', {
          problem: 'requirement_missing',
          requirements: ['quality', 'social', 'technical-specifications'],
        });
      given(evaluationDecider, opened)
        .when(exclude(BETA, 'abnormally-low-tender', REASON_TEXT, 'quality'))
        .thenFails('EXCLUSION_UNREASONED', {
          problem: 'requirement_unknown',
          requirement: 'quality',
          requirements: ['price', 'price-not-abnormally-low'],
        });
      given(evaluationDecider, opened)
        .when(exclude(BETA, 'mandatory-exclusion-ground', REASON_TEXT, 'storage'))
        .thenFails('EXCLUSION_UNREASONED', {
          problem: 'requirement_unknown',
          requirements: ['mandatory-exclusion-grounds'],
        });
      given(evaluationDecider, opened)
        .when(
          exclude(
            BETA,
            'conditions-of-participation-not-met',
            REASON_TEXT,
            'conditions-of-participation',
          ),
        )
        .then([
          expect.objectContaining({
            data: expect.objectContaining({ requirement: 'conditions-of-participation' }),
          }),
        ] as never);
    });

    it('refuses the reason already given for another bid, whatever its case or punctuation: reused_reason', () => {
      const pasted = `  ${REASON_TEXT.toUpperCase()}!  `;
      given(evaluationDecider, [...openedWith([ACME, BETA, CEDAR]), excluded(BETA)])
        .when(exclude(CEDAR, 'incomplete-submission', pasted))
        .thenFails('EXCLUSION_UNREASONED', {
          supplierId: CEDAR,
          problem: 'reused_reason',
          sameAs: BETA,
        });
      // Its own words are fine; and once the other bid passes, its old reason is free again.
      given(evaluationDecider, [...openedWith([ACME, BETA, CEDAR]), excluded(BETA)])
        .when(
          exclude(
            CEDAR,
            'incomplete-submission',
            'The social value plan for Cedar is missing from its bid',
          ),
        )
        .then([expect.objectContaining({ type: 'BidComplianceRecorded' })] as never);
      given(evaluationDecider, [...openedWith([ACME, BETA, CEDAR]), excluded(BETA), passed(BETA)])
        .when(exclude(CEDAR, 'incomplete-submission', pasted))
        .then([expect.objectContaining({ type: 'BidComplianceRecorded' })] as never);
    });

    it('an exclusion stored before requirements were asked still reads; recording it again names one', () => {
      const old = excluded(BETA);
      expect(old.data).not.toHaveProperty('requirement');
      given(evaluationDecider, [...opened, old])
        .when(exclude(BETA, 'requirements-not-met', REASON_TEXT))
        .then([excluded(BETA, 'requirements-not-met', REASON_TEXT, 1, 'quality')]);
    });
  });

  it('does not record the same decision twice, and records a changed one', () => {
    given(evaluationDecider, [...opened, passed(ACME)])
      .when(record(ACME, 'passed'))
      .then([]);
    given(evaluationDecider, [...opened, excluded(BETA, undefined, undefined, 1, 'quality')])
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
            requirement: 'quality',
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
      const reasonText = 'The bid was never confirmed against notice version 2 and its new title';
      given(evaluationDecider, amendedAfterBid)
        .when(exclude(ACME, 'not-reconfirmed-after-amendment', reasonText))
        .then([
          excluded(
            ACME,
            'not-reconfirmed-after-amendment',
            reasonText,
            1,
            'current-notice-version',
          ),
        ]);
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
