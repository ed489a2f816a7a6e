import { demoUser, issueToken, type DemoUserId } from '@fairtender/auth';
import type { RunningApi } from './http-api';
import { bidBody } from './tender-fixtures';

/** One kind of hostile request, built once so that the flood costs the server, not the client. */
interface Pathological {
  name: string;
  method: 'POST' | 'PUT';
  path: string;
  user: DemoUserId | null;
  body: string;
}

/** The requests of issue 17's findings 1 and 2, against one tender. */
export function pathologicalRequests(tenderId: string): Pathological[] {
  const { responses: _responses, ...bid } = bidBody(100);
  const millionResponses = `${JSON.stringify(bid).slice(0, -1)},"responses":[${Array(1_000_000).fill('{}').join(',')}]}`;
  const sixMegabytes = JSON.stringify({
    ...bidBody(100),
    documents: [
      {
        name: 'huge.bin',
        mediaType: 'application/octet-stream',
        contentBase64: Buffer.alloc(4.5 * 1024 * 1024, 7).toString('base64'),
      },
    ],
  });
  return [
    {
      name: 'a million {} to the anonymous receipt check',
      method: 'POST',
      path: '/receipts/verification',
      user: null,
      body: `[${Array(1_000_000).fill('{}').join(',')}]`,
    },
    {
      name: 'a bid of a million responses',
      method: 'PUT',
      path: `/tenders/${tenderId}/bid`,
      user: 'supplier-birch',
      body: millionResponses,
    },
    {
      name: 'JSON nested 2,500 levels',
      method: 'POST',
      path: '/receipts/verification',
      user: null,
      body: `{"payload":${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}}`,
    },
    {
      name: 'a 6 MB bid',
      method: 'PUT',
      path: `/tenders/${tenderId}/bid`,
      user: 'supplier-cedar',
      body: sixMegabytes,
    },
    {
      name: 'a denormal price',
      method: 'PUT',
      path: `/tenders/${tenderId}/bid`,
      user: 'supplier-birch',
      body: JSON.stringify(bidBody(100)).replace('"amount":100', '"amount":1e-320'),
    },
  ];
}

export interface Flood {
  /** Requests answered, by status. */
  statuses: Record<number, number>;
  stop(): Promise<void>;
}

/**
 * `workers` loops sending the pathological requests in turn, until stopped, `maxRequests` in all or
 * `maxSeconds` have passed: bounded, loopback only, and it stops by itself.
 */
export async function startFlood(
  api: RunningApi,
  tenderId: string,
  options: FloodOptions = {},
): Promise<Flood> {
  const tokens: Record<string, string> = {};
  for (const user of ['supplier-birch', 'supplier-cedar'] as const) {
    tokens[user] = await issueToken(api.config.auth, demoUser(user));
  }
  return flood(api.baseUrl, tenderId, tokens, options);
}

export interface FloodOptions {
  workers?: number;
  maxRequests?: number;
  maxSeconds?: number;
}

/** The flood itself, given tokens: what a separate client process runs (bench/abuse-clients.ts). */
export function flood(
  baseUrl: string,
  tenderId: string,
  tokens: Record<string, string>,
  { workers = 4, maxRequests = 400, maxSeconds = 60 }: FloodOptions,
): Flood {
  if (!baseUrl.startsWith('http://127.0.0.1:')) throw new Error('The flood targets loopback only');
  const requests = pathologicalRequests(tenderId);
  const statuses: Record<number, number> = {};
  const deadline = Date.now() + maxSeconds * 1000;
  let sent = 0;
  let stopped = false;
  const loop = async (offset: number) => {
    for (let i = offset; !stopped && sent < maxRequests && Date.now() < deadline; i++) {
      sent += 1;
      const request = requests[i % requests.length];
      const status = await fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers: {
          'content-type': 'application/json',
          ...(request.user ? { authorization: `Bearer ${tokens[request.user]}` } : {}),
        },
        body: request.body,
      })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        })
        .catch(() => 0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  const running = Array.from({ length: workers }, (_, w) => loop(w));
  return {
    statuses,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
    },
  };
}

/** Latencies of `count` sequential calls, in milliseconds, sorted. */
export async function latencies(
  count: number,
  call: (i: number) => Promise<void>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export function percentileOf(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
