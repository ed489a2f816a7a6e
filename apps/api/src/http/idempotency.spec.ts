import { commandIdFor, idempotencyKeyOf } from './idempotency';

const acme = { userId: 'u', organisationId: 'acme', role: 'supplier' } as const;
const birch = { ...acme, organisationId: 'birch' };

describe('Idempotency-Key', () => {
  it('is optional, and refused when malformed', () => {
    expect(idempotencyKeyOf({})).toBeUndefined();
    expect(idempotencyKeyOf({ 'idempotency-key': 'bid-1' })).toBe('bid-1');
    expect(() => idempotencyKeyOf({ 'idempotency-key': 'has spaces' })).toThrow(
      expect.objectContaining({ code: 'INVALID_IDEMPOTENCY_KEY', status: 400 }),
    );
    expect(() => idempotencyKeyOf({ 'idempotency-key': 'x'.repeat(129) })).toThrow();
  });

  it('fixes the command id per organisation and action, so two suppliers never share one', () => {
    expect(commandIdFor(acme, 't:SubmitBid', 'k')).toBe(commandIdFor(acme, 't:SubmitBid', 'k'));
    expect(commandIdFor(acme, 't:SubmitBid', 'k')).not.toBe(
      commandIdFor(birch, 't:SubmitBid', 'k'),
    );
    expect(commandIdFor(acme, 't:SubmitBid', 'k')).not.toBe(commandIdFor(acme, 't:ReviseBid', 'k'));
    expect(commandIdFor(acme, 't:SubmitBid', undefined)).not.toBe(
      commandIdFor(acme, 't:SubmitBid', undefined),
    );
  });
});
