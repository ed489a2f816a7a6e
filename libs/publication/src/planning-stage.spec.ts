import type { KnownEvent } from '@fairtender/domain';
import { releaseBodiesOf } from './publish-tender';
import { EventLog, TENDER } from './testing/tender-events';

const opened = (route: unknown = { kind: 'competitive', procedure: 'open' }): KnownEvent =>
  ({
    type: 'ProcurementOpened',
    data: {
      tenderId: TENDER,
      buyerOrganisationId: 'authority-1',
      need: 'Body-worn video cameras and evidence management',
      estimatedValue: { amount: 50_000_000, currency: 'GBP' },
      cpvCodes: ['35125300-2'],
      jurisdiction: 'uk-pa-2023',
      route,
      optionsAppraisal: [],
      openedBy: 'officer-alice',
      openedAt: '2025-02-01T09:00:00.000Z',
    },
  }) as KnownEvent;
const pilot = {
  type: 'SupplierEngagementRecorded',
  data: {
    engagementId: 'e1',
    kind: 'pilot',
    date: '2025-02-10',
    supplierId: 'acme',
    peoplePresent: ['officer-alice'],
    summary: 'Six-week pilot with two response teams',
    materials: [{ materialId: 'spec-1', title: 'Draft specification' }],
    recordedBy: 'officer-alice',
    recordedAt: '2025-02-10T17:00:00.000Z',
  },
} as KnownEvent;
const shared = {
  type: 'EngagementMaterialShared',
  data: {
    materialId: 'spec-1',
    how: 'Published for every supplier',
    sharedBy: 'officer-alice',
    sharedAt: '2025-02-12T09:00:00.000Z',
  },
} as KnownEvent;
const engagementNotice = {
  type: 'EngagementNoticePublished',
  data: {
    description: 'Supplier day on 20 February',
    closesOn: '2025-03-01',
    publishedBy: 'officer-alice',
    publishedAt: '2025-02-11T09:00:00.000Z',
  },
} as KnownEvent;

describe('publication of the planning stage (issue 14)', () => {
  it('a private procurement publishes nothing: the plan, the engagement log, material not yet public', () => {
    const log = new EventLog().tender(opened()).tender(pilot).tender(shared);
    expect(releaseBodiesOf(log.events).releases).toEqual([]);
  });

  it('the UK2 notice is the first release, tag planning, tender status planning', () => {
    const log = new EventLog()
      .tender(opened())
      .tender(pilot)
      .tender(engagementNotice)
      .tender(shared);
    const { releases } = releaseBodiesOf(log.events);
    expect(releases.map((r) => [r.id, r.tag])).toEqual([
      ['e-3', ['planning']],
      ['e-4', ['planningUpdate']],
    ]);
    expect(releases[0]).toMatchObject({
      planning: {
        rationale: 'Body-worn video cameras and evidence management',
        budget: { amount: { amount: 50_000_000, currency: 'GBP' } },
        documents: [{ id: 'preliminary-market-engagement-notice', documentType: 'marketStudies' }],
      },
      tender: { status: 'planning', value: { amount: 50_000_000, currency: 'GBP' } },
    });
    expect(JSON.stringify(releases)).not.toContain('Six-week pilot');
    expect(releases[1].planning?.documents?.map((d) => d.id)).toEqual([
      'preliminary-market-engagement-notice',
      'engagement-material-spec-1',
    ]);
  });

  it('a direct-award route: the transparency notice as a planning release with its method and ground', () => {
    const log = new EventLog()
      .tender(opened({ kind: 'direct-award', ground: 'extreme-urgency', supplierId: 'acme' }))
      .tender({
        type: 'TransparencyNoticePublished',
        data: {
          ground: 'extreme-urgency',
          groundReference: 'Extreme and unavoidable urgency (PA 2023 Sch. 5, urgency)',
          justification: 'The cameras fail in June',
          supplierId: 'acme',
          value: { amount: 300_000, currency: 'GBP' },
          publishedBy: 'officer-alice',
          publishedAt: '2025-04-10T09:00:00.000Z',
        },
      } as KnownEvent);
    const [release] = releaseBodiesOf(log.events).releases;
    expect(release.tag).toEqual(['planning']);
    expect(release.tender).toMatchObject({
      status: 'planning',
      procurementMethod: 'direct',
      procurementMethodRationale: expect.stringContaining('The cameras fail in June'),
      documents: [expect.objectContaining({ id: 'transparency-notice' })],
    });
  });
});
