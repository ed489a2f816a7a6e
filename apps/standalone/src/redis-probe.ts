import { connect } from 'node:net';

/**
 * Whether a Redis answers PING at `url` within `timeoutMs`: how `npm start` decides, without
 * configuration, that the scheduler can join. A server that wants a password answers `-NOAUTH`,
 * which counts as no answer here: the scheduler could not use it without REDIS_URL.
 */
export function redisAnswers(url: string, timeoutMs = 500): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || 6379) });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}

export type SchedulerPlan =
  { run: true; redisUrl: string; found: 'configured' | 'default' } | { run: false; reason: string };

/**
 * REDIS_URL set: the scheduler runs on it. Unset: it runs when a Redis answers at the default
 * address. Set to nothing (`REDIS_URL=`): no scheduler, without asking.
 */
export async function planScheduler(
  env: Record<string, string | undefined>,
  defaultUrl: string,
): Promise<SchedulerPlan> {
  const configured = env.REDIS_URL;
  if (configured !== undefined && configured !== '')
    return { run: true, redisUrl: configured, found: 'configured' };
  if (configured === '') return { run: false, reason: 'REDIS_URL is set to nothing' };
  if (await redisAnswers(defaultUrl)) return { run: true, redisUrl: defaultUrl, found: 'default' };
  return { run: false, reason: `no Redis answers at ${defaultUrl}` };
}

/** What the all-in-one process lacks without a scheduler, in the words of the log and /health. */
export const WITHOUT_SCHEDULER = {
  deadlines:
    'deadlines will not close by themselves: close a period with POST /tenders/{id}/closing once it has passed',
  webhooks: 'webhooks will not be sent to suppliers',
  standstill: 'the end of a standstill will not be recorded',
};
