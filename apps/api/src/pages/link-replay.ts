import { createHash } from 'node:crypto';
import type { Actor, EvidenceLinkIssued } from '@fairtender/domain';
import type { EventStore } from '@fairtender/event-store';
import { auditStream } from '@fairtender/legal';

/**
 * The link id a keyed request stands for: the same caller, tender and Idempotency-Key always name the
 * same link (a UUID made from their SHA-256), so a retry finds the link it already got.
 */
export function keyedLinkId(actor: Actor, tenderId: string, key: string): string {
  const hex = createHash('sha256')
    .update(`evidence-link\n${actor.organisationId}\n${actor.userId}\n${tenderId}\n${key}`)
    .digest('hex');
  // RFC 9562 layout: version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The issue of that link as recorded, if the tender's audit stream has it. */
export async function issuedLink(
  store: EventStore,
  tenderId: string,
  linkId: string,
): Promise<{ data: EvidenceLinkIssued['data']; actor?: Actor } | undefined> {
  const audit = await store.readStream(auditStream(tenderId), { maxCount: 1_000_000 });
  for (let i = audit.length - 1; i >= 0; i -= 1) {
    const event = audit[i];
    if (event.type !== 'EvidenceLinkIssued') continue;
    const data = event.data as EvidenceLinkIssued['data'];
    if (data.linkId === linkId) return { data, actor: event.metadata.actor as Actor | undefined };
  }
  return undefined;
}
