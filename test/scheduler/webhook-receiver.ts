import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
  answeredWith: number;
}

/**
 * A supplier's webhook endpoint on this machine. Each path answers from its own script of statuses
 * (the last one repeats), and the receiver checks signatures the way the README tells suppliers to.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private readonly scripts = new Map<string, number[]>();
  private server?: Server;
  private port = 0;

  answer(path: string, ...statuses: number[]): this {
    this.scripts.set(path, statuses);
    return this;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  at(path: string): ReceivedDelivery[] {
    return this.received.filter((delivery) => delivery.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        const script = this.scripts.get(path) ?? [204];
        const seen = this.at(path).length;
        const status = script[Math.min(seen, script.length - 1)];
        this.received.push({
          path,
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAt: Date.now(),
          answeredWith: status,
        });
        response.statusCode = status;
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/**
 * The README's algorithm, written out independently of the library: HMAC-SHA256 keyed with the secret's
 * UTF-8 bytes over `<Fairtender-Timestamp>.<raw body>`, hex, compared in constant time with the `v1=`
 * value of Fairtender-Signature; the timestamp within five minutes of now.
 */
export function verifiedBy(secret: string, delivery: ReceivedDelivery): boolean {
  const timestamp = String(delivery.headers['fairtender-timestamp']);
  const header = String(delivery.headers['fairtender-signature']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest();
  return header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .some((part) => {
      const given = Buffer.from(part.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
