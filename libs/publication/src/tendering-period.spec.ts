import { requireTenderingPeriod } from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import { releaseBodiesOf } from './publish-tender';
import { BUYER, EventLog, TENDER } from './testing/tender-events';

const PUBLISHED_AT = '2025-03-03T09:00:00.000Z';
const JUSTIFICATION =
  'The current camera contract ends on 31 March and officers would patrol without them';

function published(terms = sampleNoticeTerms()) {
  const log = new EventLog()
    .tender({
      type: 'TenderDrafted',
      data: { tenderId: TENDER, buyerOrganisationId: BUYER, terms, draftedAt: PUBLISHED_AT },
    })
    .tender({
      type: 'TenderPublished',
      data: {
        terms,
        publishedAt: PUBLISHED_AT,
        noticeVersion: 1,
        tenderingPeriod: requireTenderingPeriod(terms, PUBLISHED_AT),
      },
    });
  return releaseBodiesOf(log.events).releases[0].tender;
}

describe('the tendering period in OCDS', () => {
  it('publishes a reduced period with its ground, the minimum relied on and the justification', () => {
    const tender = published(
      sampleNoticeTerms({
        clarificationDeadline: '2025-03-08T12:00:00.000Z',
        submissionDeadline: '2025-03-13T12:00:00.000Z',
        reducedTenderingPeriod: { ground: 'urgency', justification: JUSTIFICATION },
      }),
    );
    expect(tender.procurementMethodRationale).toBe(
      'Reduced tendering period of 10 days on the ground urgency: Procurement Act 2023 s.54(3) ' +
        `allows 10 days instead of 25 (Procurement Act 2023 s.54(3)). ${JUSTIFICATION}`,
    );
  });

  it('says nothing of a period that meets the normal minimum, and shows non-electronic parts', () => {
    const tender = published(
      sampleNoticeTerms({
        electronicSubmission: false,
        submissionDeadline: '2025-04-02T12:00:00.000Z',
      }),
    );
    expect(tender.procurementMethodRationale).toBeUndefined();
    expect(tender.submissionMethod).toEqual(['electronicSubmission', 'written']);
    expect(published().submissionMethod).toEqual(['electronicSubmission']);
  });
});
