import type { EventOmissions } from '@fairtender/event-store';

/**
 * What no read model reads of an event, so the projector and `fairtender rebuild` never read it: a
 * sealed bid's ciphertext (`data.sealed`, most of a bid event's bytes) and the facts of its
 * documents (`data.documents`): a read model holds a bid's hash and size, never its content. Nor the
 * metadata: projected events carry none.
 */
export const READ_MODEL_OMISSIONS: EventOmissions = {
  data: ['sealed', 'documents'],
  metadata: true,
};
