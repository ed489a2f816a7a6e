import type { KnownEvent } from '@fairtender/domain';
import {
  project,
  recorded,
  recordedByEvaluator,
  TENDER,
  terms as baseTerms,
} from '../testing/projected-history';
import { ASSIGNMENT_ROWS } from './assignments.projection';

const terms = {
  ...baseTerms,
  awardCriteria: [
    { id: 'quality', name: 'Quality', weight: 60, kind: 'quality' as const },
    { id: 'social', name: 'Social value', weight: 10, kind: 'quality' as const },
    { id: 'price', name: 'Price', weight: 30, kind: 'price' as const },
  ],
};
const at = (day: number) => `2025-04-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const JUSTIFIED = 'The method statement covers every ward with evidence';

let revision = 0;
const tender = (event: KnownEvent) => recorded(event, revision++);
const bid = (supplierId: string) =>
  recorded(
    {
      type: 'BidSubmitted',
      data: {
        tenderId: TENDER,
        supplierId,
        receivedAt: '2025-03-10T00:00:00.000Z',
        noticeVersion: 1,
        contentHash: supplierId,
        sizeBytes: 10,
        sealed: { keyId: 'k', iv: 'i', ciphertext: 'c', tag: 't' },
        documents: [],
      },
    },
    0,
    supplierId,
  );
const passed = (supplierId: string, day = 2) =>
  tender({
    type: 'BidComplianceRecorded',
    data: {
      supplierId,
      contentHash: supplierId,
      price: { amount: 1, currency: 'GBP' },
      decision: 'passed',
      recordedAt: at(day),
      recordedBy: 'u-alice',
      round: 1,
    },
  });
const appointed = (evaluatorIds: string[], day = 2) =>
  tender({
    type: 'EvaluationPanelAppointed',
    data: {
      evaluatorIds,
      appointedAt: at(day),
      appointedBy: 'u-alice',
      round: 1,
      acceptanceRequired: true,
    },
  });
const accepted = (evaluatorId: string, day = 3) =>
  tender({
    type: 'PanelMembershipAccepted',
    data: { evaluatorId, organisationId: 'org-b', acceptedAt: at(day), round: 1 },
  });
const declared = (evaluatorId: string, supplierId: string, conflict = false, day = 4) =>
  recordedByEvaluator(
    {
      type: 'ConflictOfInterestDeclared',
      data: {
        evaluatorId,
        supplierId,
        conflict,
        ...(conflict ? { statement: JUSTIFIED } : {}),
        declaredAt: at(day),
      },
    },
    0,
    evaluatorId,
  );
const scored = (evaluatorId: string, supplierId: string, criterionId: string, day = 5) =>
  recordedByEvaluator(
    {
      type: 'BidScored',
      data: {
        evaluatorId,
        supplierId,
        criterionId,
        score: 7,
        justification: JUSTIFIED,
        scoredAt: at(day),
        round: 1,
      },
    },
    0,
    evaluatorId,
  );

/** Drafted, published, bids from acme and beta, closed and opened. */
const opened = () => {
  revision = 0;
  return [
    tender({
      type: 'TenderDrafted',
      data: {
        tenderId: TENDER,
        buyerOrganisationId: 'org-b',
        terms,
        draftedAt: '2025-03-01T00:00:00.000Z',
      },
    }),
    tender({
      type: 'TenderPublished',
      data: { terms, publishedAt: '2025-03-02T00:00:00.000Z', noticeVersion: 1 },
    }),
    bid('acme'),
    bid('beta'),
    tender({
      type: 'TenderingClosed',
      data: {
        closedAt: '2025-03-31T12:00:00.000Z',
        submissionDeadline: '2025-03-31T12:00:00.000Z',
      },
    }),
    tender({
      type: 'BidsOpened',
      data: {
        openedAt: at(1),
        officerIds: ['u-alice', 'u-bob'],
        bidStreams: ['acme', 'beta'].map((supplierId) => ({
          supplierId,
          streamName: `tender-${TENDER}.bid-${supplierId}`,
          revision: 0,
          hash: 'f'.repeat(64),
        })),
      },
    }),
  ];
};

const seat = (events: ReturnType<typeof opened>, evaluatorId: string) =>
  project(events).of(ASSIGNMENT_ROWS).assignments.get(TENDER, evaluatorId);

describe('the evaluator assignments read model (in memory)', () => {
  it('seats every member named, with the tender and the work the domain computes', () => {
    const history = [...opened(), passed('acme'), appointed(['u-eva', 'u-evan'])];
    expect(seat(history, 'u-eva')).toEqual({
      tenderId: TENDER,
      evaluatorId: 'u-eva',
      buyerOrganisationId: 'org-b',
      title: 'Cameras',
      stage: 'evaluation',
      round: 1,
      membership: 'appointed',
      status: 'to-score',
      bidsToScore: 1,
      bidsAwaitingCompliance: 1,
      declarationsDue: 1,
      cellsExpected: 2,
      cellsScored: 0,
      declarations: {},
      scored: {},
      submittedRound: null,
      submittedAt: null,
      appointedAt: at(2),
      updatedAt: at(2),
    });
    expect(seat(history, 'u-ella')).toBeUndefined();
  });

  it('counts down as it scores; a conflict takes the bid out; another member’s events leave its seat alone', () => {
    const history = [
      ...opened(),
      passed('acme'),
      passed('beta'),
      appointed(['u-eva', 'u-evan']),
      accepted('u-eva'),
      declared('u-eva', 'acme'),
      scored('u-eva', 'acme', 'quality'),
      scored('u-eva', 'acme', 'social', 7),
      accepted('u-evan', 8),
    ];
    expect(seat(history, 'u-eva')).toMatchObject({
      membership: 'accepted',
      bidsToScore: 2,
      declarationsDue: 1,
      cellsExpected: 4,
      cellsScored: 2,
      updatedAt: at(7),
    });
    // EVAN's acceptance on day 8 concerns its own seat, not EVA's.
    expect(seat(history, 'u-evan')).toMatchObject({ membership: 'accepted', updatedAt: at(8) });
    const conflicted = [...history, declared('u-eva', 'beta', true, 9)];
    expect(seat(conflicted, 'u-eva')).toMatchObject({
      bidsToScore: 1,
      declarationsDue: 0,
      cellsExpected: 2,
      cellsScored: 2,
      updatedAt: at(9),
    });
  });

  it('a member left off a later appointment is removed; named again, its seat dates from then', () => {
    const history = [...opened(), passed('acme'), appointed(['u-eva', 'u-evan', 'u-ewan'])];
    const removed = [...history, appointed(['u-evan', 'u-ewan'], 3)];
    expect(seat(removed, 'u-eva')).toMatchObject({ membership: 'removed', status: 'closed' });
    expect(seat(removed, 'u-evan')).toMatchObject({ membership: 'appointed', updatedAt: at(2) });
    const again = [...removed, appointed(['u-eva', 'u-evan'], 4)];
    expect(seat(again, 'u-eva')).toMatchObject({
      membership: 'appointed',
      status: 'to-score',
      appointedAt: at(4),
    });
  });

  it('follows the tender past evaluation: submitted is done, cancelled without a submission closed', () => {
    const history = [
      ...opened(),
      passed('acme'),
      appointed(['u-eva', 'u-evan']),
      accepted('u-eva'),
    ];
    const submitted = recordedByEvaluator(
      {
        type: 'EvaluationSubmitted',
        data: { evaluatorId: 'u-eva', round: 1, submittedAt: at(9), scoredBids: ['acme'] },
      },
      0,
      'u-eva',
    );
    const cancelled = tender({
      type: 'TenderCancelled',
      data: { reason: 'budget withdrawn', cancelledAt: at(10), stage: 'evaluation' },
    });
    const rows = project([...history, submitted, cancelled]).of(ASSIGNMENT_ROWS).assignments;
    expect(rows.get(TENDER, 'u-eva')).toMatchObject({
      stage: 'cancelled',
      status: 'done',
      submittedAt: at(9),
      updatedAt: at(10),
    });
    expect(rows.get(TENDER, 'u-evan')).toMatchObject({ stage: 'cancelled', status: 'closed' });
  });
});
