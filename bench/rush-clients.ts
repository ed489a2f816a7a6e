/**
 * The suppliers of the deadline rush, in their own process (forked by deadline-rush.ts) so that the
 * load generator does not share the server's event loop. Receives the plan over IPC, reports progress
 * every few answers, and sends back every outcome.
 */
import { HttpLoad } from './http-load';

export interface RushPlan {
  baseUrl: string;
  tokens: string[];
  supplierIds: string[];
  tenderIds: string[];
  /** Tenders the suppliers bid on first, unmeasured, so that what is measured is a warm api. */
  warmUpTenderIds: string[];
  /** Tenders for the paced phase: the same suppliers at a steady offered rate, before the rush. */
  pacedTenderIds: string[];
  pacedSeconds: number;
  body: unknown;
}

export interface RushOutcome {
  tenderId: string;
  supplierId: string;
  status: number;
  code?: string;
  eventId?: string;
  receivedAt?: string;
  latencyMs: number;
}

export type RushMessage =
  | { kind: 'warmed'; bids: number; refused: number }
  | { kind: 'progress'; answered: number; elapsedSeconds: number }
  | { kind: 'done'; outcomes: RushOutcome[]; seconds: number; paced: RushOutcome[] };

async function rush(plan: RushPlan): Promise<void> {
  const load = new HttpLoad(plan.baseUrl, plan.tokens.length);
  // Open every supplier's connection and warm the server before the clock starts.
  await Promise.all(plan.tokens.map((token) => load.send('GET', '/notices?limit=1', token)));
  await warmUp(load, plan);
  const paced = await pacedPhase(load, plan);
  const outcomes: RushOutcome[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    plan.tokens.map(async (token, s) => {
      for (const tenderId of plan.tenderIds) {
        outcomes.push(await bid(load, token, plan.supplierIds[s], tenderId, plan.body));
        if (outcomes.length % 20 === 0) {
          const elapsedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
          send({ kind: 'progress', answered: outcomes.length, elapsedSeconds });
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  load.close();
  send({ kind: 'done', outcomes, seconds, paced });
}

/**
 * A replica in production has long since compiled its hot paths: every supplier bids once on each
 * warm-up tender, then waits until the primary has read the api's CPU time and says to go on.
 */
async function warmUp(load: HttpLoad, plan: RushPlan): Promise<void> {
  const outcomes = await Promise.all(
    plan.tokens.map(async (token, s) => {
      const statuses: number[] = [];
      for (const tenderId of plan.warmUpTenderIds)
        statuses.push((await bid(load, token, plan.supplierIds[s], tenderId, plan.body)).status);
      return statuses;
    }),
  );
  const statuses = outcomes.flat();
  const go = new Promise((resolve) => process.once('message', resolve));
  send({
    kind: 'warmed',
    bids: statuses.length,
    refused: statuses.filter((s) => s !== 201).length,
  });
  await go;
}

/**
 * Each supplier sends one bid per paced tender at a random moment of the phase: an open-loop arrival of
 * suppliers × tenders / seconds bids a second, the latency a supplier sees when the API is not saturated.
 */
async function pacedPhase(load: HttpLoad, plan: RushPlan): Promise<RushOutcome[]> {
  const outcomes: RushOutcome[] = [];
  await Promise.all(
    plan.tokens.flatMap((token, s) =>
      plan.pacedTenderIds.map(async (tenderId) => {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.random() * plan.pacedSeconds * 1000),
        );
        outcomes.push(await bid(load, token, plan.supplierIds[s], tenderId, plan.body));
      }),
    ),
  );
  return outcomes;
}

async function bid(
  load: HttpLoad,
  token: string,
  supplierId: string,
  tenderId: string,
  body: unknown,
): Promise<RushOutcome> {
  const sent = process.hrtime.bigint();
  const response = await load.send('POST', `/tenders/${tenderId}/bid`, token, body, {
    'idempotency-key': `rush-${tenderId}`,
  });
  return {
    tenderId,
    supplierId,
    status: response.status,
    code: response.body?.code,
    eventId: response.body?.receipt?.payload.eventId,
    receivedAt: response.body?.receipt?.payload.receivedAt,
    latencyMs: Number(process.hrtime.bigint() - sent) / 1e6,
  };
}

function send(message: RushMessage): void {
  process.send!(message);
}

process.once('message', (plan: RushPlan) => {
  rush(plan).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
