import { releaseBodiesOf } from './publish-tender';
import {
  awardEvents,
  contractEvents,
  openingEvents,
  tenderingEvents,
} from './testing/tender-events';

const lifecycle = () => contractEvents(awardEvents(openingEvents(tenderingEvents())));

describe('publication: the contract after award (issue 15)', () => {
  it('publishes KPIs with the contract, each period’s performance notice, and a termination', () => {
    const log = lifecycle();
    const concluded = log.events.find((e) => e.type === 'ContractConcluded')!;
    Object.assign(concluded.data as object, {
      maximumTermMonths: 24,
      kpis: [
        {
          kpiId: 'k1',
          name: 'Camera availability',
          measure: 'share of shift hours',
          target: '98 %',
          frequencyMonths: 6,
        },
      ],
    });
    log
      .tender({
        type: 'ContractPerformanceNoticePublished',
        data: {
          contractId: 'contract-1',
          dueDate: '2025-10-31',
          assessments: [
            {
              kpiId: 'k1',
              name: 'Camera availability',
              target: '98 %',
              rating: 'approaching-target',
              evidence: 'e',
            },
          ],
          publishedAt: '2025-11-05T10:00:00.000Z',
        },
      })
      .tender({
        type: 'ContractTerminationNoticePublished',
        data: {
          contractId: 'contract-1',
          supplierId: 'acme',
          reason: 'breach',
          details: 'Availability below target for two periods',
          value: { amount: 61_000, currency: 'GBP' },
          period: { startDate: '2025-05-01', endDate: '2027-04-30' },
          publishedAt: '2026-06-01T10:00:00.000Z',
        },
      });
    const { releases } = releaseBodiesOf(log.events);
    const tags = releases.map((r) => r.tag[0]);
    expect(tags.slice(-2)).toEqual(['contractUpdate', 'contractUpdate']);
    const [contract] = releases.at(-1)!.contracts!;
    expect(contract.status).toBe('terminated');
    expect(contract.period.maxExtentDate).toBe('2027-04-30T23:59:59.999Z');
    expect(contract.description).toContain(
      'Camera availability — measured as share of shift hours',
    );
    expect(contract.implementation!.documents).toEqual([
      {
        id: 'performance-2025-10-31',
        documentType: 'physicalProgressReport',
        title: 'Contract performance notice for the period ending 2025-10-31',
        description: 'Camera availability (target 98 %): approaching-target',
        datePublished: '2025-11-05T10:00:00.000Z',
      },
    ]);
    expect(contract.documents![0]).toMatchObject({ id: 'termination-notice' });
    expect(releases.at(-3)!.contracts![0].status).toBe('active');
  });
});

describe('publication: the contract term of the notice (issue 15)', () => {
  it('fills tender.contractPeriod with the maximum extent; absent when the notice has none', () => {
    const log = lifecycle();
    const contractTerm = { startDate: '2025-05-01', endDate: '2026-04-30', maximumTermMonths: 24 };
    for (const event of log.events) {
      if (event.type === 'TenderDrafted' || event.type === 'TenderPublished') {
        (event.data as { terms: object }).terms = {
          ...(event.data as { terms: object }).terms,
          contractTerm,
        };
      }
    }
    const { releases } = releaseBodiesOf(log.events);
    expect(releases[0].tender.contractPeriod).toEqual({
      startDate: '2025-05-01T00:00:00.000Z',
      endDate: '2026-04-30T23:59:59.999Z',
      maxExtentDate: '2027-04-30T23:59:59.999Z',
    });
    expect(releaseBodiesOf(lifecycle().events).releases[0].tender).not.toHaveProperty(
      'contractPeriod',
    );
  });
});
