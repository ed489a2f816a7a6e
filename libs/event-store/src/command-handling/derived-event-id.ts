import { createHash } from 'node:crypto';

/**
 * A UUID derived from a command id and the event's index in the command's output (name-based, like
 * UUID v5 but over SHA-256): a retried command produces the same event ids, so the store's idempotency
 * on event ids turns a retry into the first result instead of a second fact.
 */
export function derivedEventId(commandId: string, index: number): string {
  const bytes = createHash('sha256').update(`${commandId}\u0000${index}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
