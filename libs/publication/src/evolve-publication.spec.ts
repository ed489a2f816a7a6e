import { compileRelease } from './merge';
import { releaseBodiesOf, releasesOf } from './publish-tender';
import { EventLog, openingEvents, TENDER, tenderingEvents } from './testing/tender-events';

const SUPPLIERS = /acme|birch|cedar|dogwood/;

describe('publication: events → OCDS releases', () => {
  it('a draft publishes nothing, and a draft cancelled is never published', () => {
    const log = new EventLog();
    const [drafted] = tenderingEvents().events;
    log.tender(drafted as never).tender({
      type: 'TenderCancelled',
      data: { reason: 'Not needed', cancelledAt: '2025-03-02T00:00:00.000Z', stage: 'draft' },
    });
    expect(releaseBodiesOf(log.events).releases).toEqual([]);
  });

  it('publication, the answer, and the amendment are releases; bids and questions alone are not', () => {
    const { releases } = releaseBodiesOf(tenderingEvents().events);
    expect(releases.map((r) => [r.id, r.tag])).toEqual([
      ['e-2', ['tender']],
      ['e-5', ['tenderUpdate']],
      ['e-11', ['tenderAmendment']],
    ]);
    const [published, answered, amended] = releases;
    expect(published.tender).toMatchObject({
      id: TENDER,
      status: 'active',
      procurementMethod: 'open',
      procurementMethodDetails: 'Open procedure (UK Procurement Act 2023)',
      mainProcurementCategory: 'goods',
      awardCriteria: 'ratedCriteria',
      value: { amount: 250_000, currency: 'GBP' },
      items: [{ id: '1', classification: { scheme: 'CPV', id: '35125300-2' } }],
      tenderPeriod: {
        startDate: '2025-03-03T09:00:00.000Z',
        endDate: '2025-03-31T12:00:00.000Z',
        durationInDays: 28,
      },
      enquiryPeriod: { endDate: '2025-03-24T12:00:00.000Z' },
    });
    expect(published.parties).toEqual([{ id: 'authority-1', roles: ['buyer', 'procuringEntity'] }]);
    expect(answered.tender.documents).toEqual([
      expect.objectContaining({
        documentType: 'clarifications',
        description: expect.stringContaining('Must footage stay in the UK?'),
      }),
    ]);
    expect(amended.tender.tenderPeriod.endDate).toBe('2025-04-07T12:00:00.000Z');
    expect(amended.tender.amendments).toEqual([
      {
        id: 'amendment-2',
        date: '2025-03-11T09:00:00.000Z',
        rationale: 'More time after the storage clarification',
        description:
          'tender.tenderPeriod.endDate changed from 2025-03-31T12:00:00.000Z to 2025-04-07T12:00:00.000Z.',
        amendsReleaseID: 'e-5',
        releaseID: 'e-11',
      },
    ]);
  });

  it('before opening no release names a supplier, the asker, a bid or the sealing key', () => {
    const log = openingEvents(tenderingEvents());
    const { releases } = releaseBodiesOf(log.events);
    const beforeOpening = releases.filter((r) => r.date < '2025-04-08T09:05:00.000Z');
    expect(beforeOpening).toHaveLength(4);
    for (const release of beforeOpening) {
      const text = JSON.stringify(release);
      expect(text).not.toMatch(SUPPLIERS);
      expect(text).not.toMatch(/hash-of|secret-ciphertext|wrapped-data-key/);
      expect(release.bids).toBeUndefined();
      expect(release.tender.numberOfTenderers).toBeUndefined();
    }
  });

  it('opening publishes the bidders as they stood: tenderers, bid details and statistics', () => {
    const { releases } = releaseBodiesOf(openingEvents(tenderingEvents()).events);
    const opened = releases.at(-1)!;
    expect(opened.tag).toEqual(['tenderUpdate']);
    expect(opened.tender).toMatchObject({
      numberOfTenderers: 2,
      tenderers: [{ id: 'acme' }, { id: 'birch' }],
      awardPeriod: { startDate: '2025-04-08T09:05:00.000Z' },
    });
    expect(opened.parties.map((p) => [p.id, p.roles])).toEqual([
      ['authority-1', ['buyer', 'procuringEntity']],
      ['acme', ['tenderer']],
      ['birch', ['tenderer']],
    ]);
    // The revised bid counts with its last receipt time; a withdrawn bid is shown as withdrawn; a
    // stream with only a refused late attempt (dogwood) holds no bid.
    expect(opened.bids!.details).toEqual([
      {
        id: 'bid-acme',
        date: '2025-03-06T09:00:00.000Z',
        status: 'pending',
        tenderers: [{ id: 'acme' }],
      },
      {
        id: 'bid-birch',
        date: '2025-03-09T09:00:00.000Z',
        status: 'pending',
        tenderers: [{ id: 'birch' }],
      },
      {
        id: 'bid-cedar',
        date: '2025-03-08T09:00:00.000Z',
        status: 'withdrawn',
        tenderers: [{ id: 'cedar' }],
      },
    ]);
    expect(opened.bids!.statistics.map((s) => [s.measure, s.value])).toEqual([
      ['bids', 2],
      ['bidders', 2],
      ['electronicBids', 2],
    ]);
    const text = JSON.stringify(releases);
    expect(text).not.toMatch(
      /officer-alice|officer-bob|hash-of|secret-ciphertext|wrapped-data-key/,
    );
    // Who asked the question is never published, even after opening.
    expect(opened.tender.documents![0].description).not.toMatch(SUPPLIERS);
  });

  it('a cancellation is a tenderCancellation release with the termination notice', () => {
    const log = tenderingEvents().tender({
      type: 'TenderCancelled',
      data: {
        reason: 'Requirement withdrawn',
        cancelledAt: '2025-03-12T09:00:00.000Z',
        stage: 'tendering',
      },
    });
    const cancelled = releaseBodiesOf(log.events).releases.at(-1)!;
    expect(cancelled.tag).toEqual(['tenderCancellation']);
    expect(cancelled.tender.status).toBe('cancelled');
    expect(cancelled.tender.documents).toContainEqual({
      id: 'termination-notice',
      documentType: 'cancellationDetails',
      title: 'Termination notice',
      description: 'Requirement withdrawn',
      datePublished: '2025-03-12T09:00:00.000Z',
    });
  });

  it('release dates never go backwards, whatever the clocks said', () => {
    const log = tenderingEvents().tender({
      type: 'TenderingClosed',
      data: {
        closedAt: '2025-03-01T00:00:00.000Z',
        submissionDeadline: '2025-03-01T00:00:00.000Z',
      },
    });
    const dates = releaseBodiesOf(log.events).releases.map((r) => r.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('an amendment that drops a CPV code drops it from the compiled release too', () => {
    const log = tenderingEvents();
    const published = log.events[1] as { data: { terms: { cpvCodes: string[] } } };
    published.data.terms = { ...published.data.terms, cpvCodes: ['35125300-2', '72000000-5'] };
    log.tender({
      type: 'NoticeAmended',
      data: {
        changes: { cpvCodes: ['35125300-2'] },
        reason: 'Hosting is out of scope',
        amendedAt: '2025-03-12T09:00:00.000Z',
        noticeVersion: 3,
      },
    });
    const releases = releasesOf(TENDER, log.events, 'ocds-test01');
    expect(releases[0].tender.items[0].additionalClassifications).toEqual([
      { scheme: 'CPV', id: '72000000-5' },
    ]);
    expect(compileRelease(releases).tender.items[0].additionalClassifications).toEqual([]);
  });

  it('published releases carry the ocid in their ids and amendment references', () => {
    const releases = releasesOf(TENDER, tenderingEvents().events, 'ocds-test01');
    const ocid = `ocds-test01-${TENDER}`;
    expect(releases.map((r) => r.ocid)).toEqual([ocid, ocid, ocid]);
    expect(releases[0].id).toBe(`${ocid}-e-2`);
    expect(releases[2].tender.amendments![0]).toMatchObject({
      amendsReleaseID: `${ocid}-e-5`,
      releaseID: `${ocid}-e-11`,
    });
    const compiled = compileRelease(releases);
    expect(compiled).toMatchObject({ id: `${ocid}-${releases[2].date}`, tag: ['compiled'] });
    expect(compiled.tender.tenderPeriod.endDate).toBe('2025-04-07T12:00:00.000Z');
  });
});
