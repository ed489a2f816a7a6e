import type { IncomingMessage } from 'node:http';
import { requestIdFrom } from './request-id';

const idOf = (headers: Record<string, string | string[]>) =>
  requestIdFrom({ headers } as unknown as IncomingMessage);

describe('request id', () => {
  it('keeps the caller’s X-Request-Id', () => {
    expect(idOf({ 'x-request-id': 'req-42', 'x-correlation-id': 'corr-7' })).toBe('req-42');
  });

  it('falls back to X-Correlation-Id', () => {
    expect(idOf({ 'x-correlation-id': 'corr-7' })).toBe('corr-7');
  });

  it('generates one when none is sent or the sent one is unfit for a log line', () => {
    expect(idOf({})).toMatch(/^[0-9a-f-]{36}$/);
    expect(idOf({ 'x-request-id': 'bad\nid' })).toMatch(/^[0-9a-f-]{36}$/);
    expect(idOf({ 'x-request-id': 'x'.repeat(129) })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
