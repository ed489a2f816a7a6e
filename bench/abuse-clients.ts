/** The flood of bench/abuse.ts, in its own process so that its client work is not the server's. */
import { flood } from '../test/support/abuse-flood';

interface FloodPlan {
  baseUrl: string;
  tenderId: string;
  tokens: Record<string, string>;
}

process.on('message', (message: FloodPlan | 'stop') => {
  if (message === 'stop') return;
  const running = flood(message.baseUrl, message.tenderId, message.tokens, {
    workers: 4,
    maxRequests: 100_000,
    maxSeconds: 120,
  });
  process.send?.('started');
  process.on('message', async (next) => {
    if (next !== 'stop') return;
    await running.stop();
    process.send?.(running.statuses, () => process.exit(0));
  });
});
