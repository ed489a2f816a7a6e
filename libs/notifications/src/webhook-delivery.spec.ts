import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverWebhook, type DeliveryRequest } from './webhook-delivery';
import { verifyDelivery } from './signature';

describe('delivering a webhook', () => {
  let server: Server;
  let port: number;
  const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
  let answer = 204;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ headers: request.headers, body });
        response.statusCode = answer;
        response.end(answer >= 300 ? 'nope' : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const request = (overrides: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
    url: `http://127.0.0.1:${port}/hook`,
    secret: 'whsec_spec',
    body: '{"id":"e1","type":"tendering.closed"}',
    attempt: 1,
    policy: { requireHttps: false, allowPrivateTargets: true },
    timeoutMs: 2000,
    nowMs: Date.now(),
    ...overrides,
  });

  it('POSTs the exact body with a signature the receiver can verify', async () => {
    answer = 204;
    const result = await deliverWebhook(request({ attempt: 3 }));
    expect(result).toMatchObject({ delivered: true, statusCode: 204, refused: false });
    const last = received.at(-1)!;
    expect(last.body).toBe('{"id":"e1","type":"tendering.closed"}');
    expect(last.headers['content-type']).toBe('application/json');
    expect(last.headers['fairtender-attempt']).toBe('3');
    expect(
      verifyDelivery({
        secret: 'whsec_spec',
        timestamp: last.headers['fairtender-timestamp'] as string,
        signature: last.headers['fairtender-signature'] as string,
        body: last.body,
        nowMs: Date.now(),
      }),
    ).toBeUndefined();
  });

  it('a non-2xx answer is a failure with its status; a redirect is not followed', async () => {
    answer = 500;
    expect(await deliverWebhook(request())).toMatchObject({
      delivered: false,
      statusCode: 500,
      error: 'The receiver answered 500',
    });
    answer = 302;
    expect(await deliverWebhook(request())).toMatchObject({ delivered: false, statusCode: 302 });
  });

  it('refuses a private target at delivery time, before connecting', async () => {
    const before = received.length;
    const result = await deliverWebhook(
      request({ policy: { requireHttps: false, allowPrivateTargets: false } }),
    );
    expect(result).toMatchObject({ delivered: false, refused: true });
    expect(result.error).toContain('not a public address');
    // A name that passed at registration but now resolves to this host (rebinding) is refused too.
    const rebound = await deliverWebhook(
      request({
        url: `http://hooks.example.com:${port}/hook`,
        policy: { requireHttps: false, allowPrivateTargets: false },
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      }),
    );
    expect(rebound).toMatchObject({ delivered: false, refused: true });
    expect(received.length).toBe(before);
  });

  it('connects to the addresses it checked, not to a second resolution', async () => {
    answer = 200;
    const result = await deliverWebhook(
      request({
        url: `http://hooks.example.invalid:${port}/hook`,
        lookup: async () => [{ address: '127.0.0.1', family: 4 }],
      }),
    );
    expect(result).toMatchObject({ delivered: true, statusCode: 200 });
    expect(received.at(-1)!.headers.host).toBe(`hooks.example.invalid:${port}`);
  });

  it('a receiver that does not answer in time, or is not there, is a retryable failure', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      const slow = await deliverWebhook(
        request({ url: `http://127.0.0.1:${silentPort}/`, timeoutMs: 200 }),
      );
      expect(slow).toMatchObject({
        delivered: false,
        refused: false,
        error: 'No answer within the timeout',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
    const closed = await deliverWebhook(request({ url: 'http://127.0.0.1:1/' }));
    expect(closed).toMatchObject({ delivered: false, refused: false });
    expect(closed.error).toContain('ECONNREFUSED');
  });
});
