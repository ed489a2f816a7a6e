import {
  evolveTender,
  initialTenderState,
  type TenderEvent,
  type TenderState,
} from '@fairtender/domain';
import { notificationFor, recipientsOf } from './notice-notifications';
import { event, published } from './testing/tender-notifications';

const contracted: TenderEvent[] = [
  ...published,
  {
    type: 'ContractConcluded',
    data: {
      contractId: 'c-1',
      supplierId: 'org-acme',
      value: { amount: 1, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
      concludedAt: '2025-04-28T09:00:00.000Z',
      concludedBy: 'u',
      kpis: [{ kpiId: 'k1', name: 'Availability', measure: 'm', target: 't', frequencyMonths: 6 }],
      pilot: true,
      auditPlan: {
        oversightBodyId: 'org-oversight',
        publicationUrl: 'https://oversight.example',
        checkpoints: [{ checkpointId: 'cp-1', dueDate: '2025-10-31', description: 'd' }],
        kpiIds: [],
      },
    },
  },
];
const tender: TenderState = contracted.reduce(evolveTender, initialTenderState());
const REGISTERED = ['org-acme', 'org-oversight', tender.buyerOrganisationId!, 'org-elsewhere'];

describe('contract notifications (issue 15)', () => {
  it('an overdue assessment is told to the buyer and the oversight body, not to suppliers', () => {
    const e = event('PerformanceAssessmentOverdue', {
      contractId: 'c-1',
      kpiId: 'k1',
      dueDate: '2025-10-31',
      recordedAt: '2025-12-01T00:00:00.000Z',
    });
    const planned = notificationFor(e, tender)!;
    expect(planned.notification).toMatchObject({
      type: 'performance.overdue',
      occurredAt: '2025-12-01T00:00:00.000Z',
      data: { kpiId: 'k1', kpiName: 'Availability', redFlag: 'FT-PERFORMANCE-OVERDUE' },
    });
    expect(recipientsOf(planned.audience, e, REGISTERED, tender).sort()).toEqual(
      [tender.buyerOrganisationId!, 'org-oversight'].sort(),
    );
  });

  it('a missed checkpoint likewise, naming its oversight body', () => {
    const e = event('AuditCheckpointMissed', {
      checkpointId: 'cp-1',
      dueDate: '2025-10-31',
      oversightBodyId: 'org-oversight',
      recordedAt: '2025-11-01T00:00:00.000Z',
    });
    const planned = notificationFor(e, tender)!;
    expect(planned.notification.type).toBe('audit-checkpoint.missed');
    expect(recipientsOf(planned.audience, e, REGISTERED, tender)).not.toContain('org-acme');
    expect(recipientsOf(planned.audience, e, REGISTERED, tender)).toContain('org-oversight');
  });

  it('the termination notice is told with its reason', () => {
    const e = event('ContractTerminationNoticePublished', {
      contractId: 'c-1',
      supplierId: 'org-acme',
      reason: 'breach',
      details: 'Cameras unavailable for a month',
      value: { amount: 1, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
      publishedAt: '2025-09-01T00:00:00.000Z',
    });
    expect(notificationFor(e, tender)!.notification).toMatchObject({
      type: 'contract.terminated',
      data: { reason: 'breach', contractId: 'c-1' },
    });
  });
});
