/**
 * Tenders for benchmarks that fill an event store directly, decided by the real deciders: the
 * police-force notice of the e2e fixtures, a bench authority's officers, times on a March 2025 day.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor, NoticeTerms } from '@fairtender/domain';
import { scenario, type Scenario } from '@fairtender/domain/testing/scenario';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { EventMetadata, EventToAppend } from '@fairtender/event-store';
import { noticeTerms } from '../test/support/tender-fixtures';

/** A small sealed bid as the API stores it: ~480 bytes of AES-GCM ciphertext, base64. */
export const CIPHERTEXT = randomBytes(480).toString('base64');

export const officer: Actor = {
  userId: 'bench-officer',
  organisationId: 'bench-authority',
  role: 'officer',
};
/** The second officer a bid opening needs. */
export const secondOfficer: Actor = { ...officer, userId: 'bench-officer-2' };
export const supplierActor = (supplierId: string): Actor => ({
  userId: `u-${supplierId}`,
  organisationId: supplierId,
  role: 'supplier',
});

/** `minute` minutes after 09:00 UTC on 3 March 2025, when the notice is drafted. */
export const at = (minute: number) =>
  new Date(Date.UTC(2025, 2, 3, 9, 0) + minute * 60_000).toISOString();

export function event(type: string, data: unknown, actor: EventMetadata['actor']): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    version: 1,
    data,
    metadata: { actor, correlationId: randomUUID() },
  };
}

/** The e2e fixtures' police-force notice with these criteria, deadlines on 24 and 31 March 2025. */
export function benchNotice(
  awardCriteria: NoticeTerms['awardCriteria'],
  evaluatorCount: number,
): NoticeTerms {
  const { title, description, estimatedValue } = noticeTerms(new Date(at(0)));
  return sampleNoticeTerms({ title, description, estimatedValue, awardCriteria, evaluatorCount });
}

/**
 * A tender of the bench authority whose every step the real deciders decide (the scenario builder,
 * docs/testing.md#the-scenario-builder); append it with `ScenarioStore` (`{ batched: true }`).
 * Times on the bench's March 2025 day unless a step says otherwise.
 */
export function benchScenario(tenderId: string, terms: NoticeTerms): Scenario {
  return scenario({
    tenderId,
    buyer: officer.organisationId,
    terms,
    officers: [officer, secondOfficer],
    times: { drafted: at(0), published: at(1) },
  });
}

/**
 * A sealed bid's data as the API stores it since issue 18 (v2, the documents by reference): about
 * 1.3 KB with its metadata, the row every store benchmark writes.
 */
export function sealedBidData(tenderId: string, supplierId: string, n: number) {
  return {
    tenderId,
    supplierId,
    receivedAt: at(200 + n),
    noticeVersion: 1,
    contentHash: randomBytes(32).toString('hex'),
    sizeBytes: 360,
    sealed: {
      keyId: `dk-${tenderId}`,
      iv: 'MTIzNDU2Nzg5MDEy',
      ciphertext: CIPHERTEXT,
      tag: 'dGFnLXRhZy10YWctdGFn',
    },
    documents: [
      {
        documentId: randomUUID(),
        sizeBytes: 262_144,
        sha256: randomBytes(32).toString('hex'),
        sealedSha256: randomBytes(32).toString('hex'),
      },
    ],
  };
}
