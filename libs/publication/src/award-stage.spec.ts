import { releaseBodiesOf } from './publish-tender';
import {
  awardEvents,
  contractEvents,
  EventLog,
  openingEvents,
  tenderingEvents,
} from './testing/tender-events';

const lifecycle = () => contractEvents(awardEvents(openingEvents(tenderingEvents())));

describe('publication: evaluation, award, standstill, challenge and contract', () => {
  it('tags each public fact, and nothing for panels, scores, summaries or the challenge itself', () => {
    const { releases } = releaseBodiesOf(lifecycle().events);
    expect(releases.slice(5).map((r) => r.tag[0])).toEqual([
      'tenderUpdate', // acme passed
      'tenderUpdate', // birch excluded
      'award',
      'awardUpdate', // standstill
      'awardUpdate', // suspended
      'awardUpdate', // challenge dismissed
      'awardUpdate', // suspension lifted
      'awardUpdate', // standstill ended
      'contract',
      'contractAmendment',
    ]);
  });

  it('compliance makes prices public: valid and disqualified bids with values and statistics', () => {
    const { releases } = releaseBodiesOf(awardEvents(openingEvents(tenderingEvents())).events);
    const afterCompliance = releases[6];
    expect(afterCompliance.bids!.details).toEqual([
      expect.objectContaining({
        id: 'bid-acme',
        status: 'valid',
        value: { amount: 41_000, currency: 'GBP' },
      }),
      expect.objectContaining({
        id: 'bid-birch',
        status: 'disqualified',
        value: { amount: 40_000, currency: 'GBP' },
      }),
      expect.objectContaining({ id: 'bid-cedar', status: 'withdrawn' }),
    ]);
    expect(afterCompliance.bids!.statistics.map((s) => [s.measure, s.value])).toEqual([
      ['bids', 2],
      ['bidders', 2],
      ['electronicBids', 2],
      ['validBids', 1],
      ['qualifiedBidders', 1],
      ['disqualifiedBidders', 1],
      ['lowestValidBidValue', 41_000],
      ['highestValidBidValue', 41_000],
    ]);
  });

  it('the award is pending through standstill and suspension, active once standstill has run', () => {
    const { releases } = releaseBodiesOf(lifecycle().events);
    const statusAt = (index: number) => releases[index].awards![0].status;
    expect([7, 8, 9, 10, 11, 12].map(statusAt)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
      'active',
    ]);
    const award = releases[8].awards![0];
    expect(award).toMatchObject({
      id: 'award-1',
      date: '2025-04-11T10:00:00.000Z',
      value: { amount: 41_000, currency: 'GBP' },
      suppliers: [{ id: 'acme' }],
      relatedBid: 'bid-acme',
    });
    expect(award.description).toContain(
      'the contract may be entered into from 2025-04-24T00:00:00.000Z',
    );
    expect(award.description).toContain("Every bid but the winner's was excluded");
    const challenged = releases[10].awards![0];
    expect(challenged.documents).toContainEqual(
      expect.objectContaining({
        id: 'challenge-c-1',
        documentType: 'complaints',
        description: expect.stringContaining('wrongful-exclusion'),
      }),
    );
    expect(releases[12].tender.awardPeriod).toEqual({
      startDate: '2025-04-08T09:05:00.000Z',
      endDate: '2025-04-11T10:00:00.000Z',
    });
  });

  it('the contract, its change notice as an amendment, and the tender complete', () => {
    const { releases } = releaseBodiesOf(lifecycle().events);
    const last = releases.at(-1)!;
    expect(last.tender.status).toBe('complete');
    expect(last.parties).toContainEqual({ id: 'acme', roles: ['tenderer', 'supplier'] });
    expect(last.contracts).toEqual([
      {
        id: 'contract-1',
        awardID: 'award-1',
        title: 'Contract: Body-worn cameras',
        status: 'active',
        period: { startDate: '2025-05-01T00:00:00.000Z', endDate: '2027-04-30T23:59:59.999Z' },
        value: { amount: 61_000, currency: 'GBP' },
        dateSigned: '2025-04-25T09:00:00.000Z',
        amendments: [
          expect.objectContaining({
            id: 'change-1',
            date: '2026-03-01T09:00:00.000Z',
            rationale: 'The force delayed the roll-out while its new docking stations were built',
            description: expect.stringContaining('Red flags: Adds 12 months (threshold 6)'),
            amendsReleaseID: releases.at(-2)!.id,
            releaseID: last.id,
          }),
        ],
      },
    ]);
  });

  it('never publishes evaluators, officers, scores, justifications, summaries, exclusion texts or the challenger', () => {
    const text = JSON.stringify(releaseBodiesOf(lifecycle().events).releases);
    for (const secret of [
      'evaluator-',
      'officer-',
      'legal-lee',
      'A solid evidence platform with tested retention and retrieval',
      'No UK data centre was offered for storing the footage',
      'Leeds',
      'London office',
      'hash-of',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('an upheld challenge with re-evaluation cancels the award; a new round awards again', () => {
    const log = awardEvents(openingEvents(tenderingEvents()))
      .tender({
        type: 'ChallengeLodged',
        data: {
          challengeId: 'c-1',
          supplierId: 'birch',
          grounds: ['wrongful-exclusion'],
          text: 'Annex 4 of our bid covers the retention requirement in full',
          lodgedAt: '2025-04-14T09:00:00.000Z',
          round: 1,
        },
      })
      .tender({
        type: 'ChallengeResolved',
        data: {
          challengeId: 'c-1',
          outcome: 'upheld',
          remedy: 're-evaluate',
          reason: 'The exclusion misread annex 4 of the bid on footage retention',
          resolvedAt: '2025-04-20T09:00:00.000Z',
          resolvedBy: 'legal-lee',
        },
      })
      .tender({
        type: 'EvaluationReopened',
        data: {
          round: 2,
          reason: 'Exclusion wrong',
          challengeId: 'c-1',
          reopenedAt: '2025-04-20T09:00:00.000Z',
        },
      });
    const last = releaseBodiesOf(log.events).releases.at(-1)!;
    expect(last.tag).toEqual(['awardCancellation']);
    expect(last.awards![0]).toMatchObject({ id: 'award-1', status: 'cancelled' });
    expect(last.parties).toContainEqual({ id: 'acme', roles: ['tenderer'] });
    expect(last.tender.awardPeriod!.endDate).toBe('2025-04-11T10:00:00.000Z');
  });

  it('unsuccessful and direct award are published as such', () => {
    const unsuccessful = openingEvents(tenderingEvents()).tender({
      type: 'TenderDeclaredUnsuccessful',
      data: {
        reason: 'Fewer compliant bids than the notice requires',
        compliantBids: 1,
        minimumBids: 2,
        declaredAt: '2025-04-10T09:00:00.000Z',
        declaredBy: 'officer-alice',
      },
    });
    const declared = releaseBodiesOf(unsuccessful.events).releases.at(-1)!;
    expect(declared.tender.status).toBe('unsuccessful');
    expect(declared.tender.documents).toContainEqual(
      expect.objectContaining({
        documentType: 'evaluationReports',
        title: 'Tender declared unsuccessful',
      }),
    );

    const direct = openingEvents(tenderingEvents(new EventLog())).tender({
      type: 'AwardProposed',
      data: {
        supplierId: 'acme',
        round: 1,
        ranking: [],
        topRanked: [],
        departures: ['direct-award'],
        directAward: {
          ground: 'extreme-urgency',
          justification: 'Cameras are needed before the summit and no other supplier can deliver',
        },
        proposedBy: 'officer-alice',
        proposedAt: '2025-04-11T09:00:00.000Z',
      },
    });
    const awarded = releaseBodiesOf(direct.events).releases.at(-1)!;
    expect(awarded.tender).toMatchObject({
      procurementMethod: 'direct',
      procurementMethodRationale: expect.stringContaining(
        'Cameras are needed before the summit and no other supplier can deliver',
      ),
    });
    expect(awarded.awards![0].description).toContain(
      'Direct award: Extreme and unavoidable urgency',
    );
  });
});
