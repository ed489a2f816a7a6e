/**
 * One api process of the deadline rush (forked by deadline-rush.ts through node:cluster, so every
 * worker listens on the same port, as replicas behind one address would). The primary moves the
 * server clock of every worker at once, and asks each for its CPU time before and after the rush.
 */
import { startHttpApi } from '../test/support/http-api';

export type ApiWorkerRequest =
  { kind: 'clock'; instant: number; sentAt: number } | { kind: 'cpu' } | { kind: 'close' };

export type ApiWorkerReply =
  { kind: 'ready'; baseUrl: string } | { kind: 'cpu'; user: number; system: number };

async function main(): Promise<void> {
  const env = JSON.parse(process.env.RUSH_API_ENV ?? '{}') as Record<string, string>;
  const api = await startHttpApi(env, { withProjector: false });
  const reply = (message: ApiWorkerReply) => process.send!(message);
  process.on('message', (message: ApiWorkerRequest) => {
    if (message.kind === 'clock') {
      // The instant the primary meant when it sent this, less the time the message took.
      api.clock.set(new Date(message.instant + (Date.now() - message.sentAt)));
    } else if (message.kind === 'cpu') {
      reply({ kind: 'cpu', ...process.cpuUsage() });
    } else {
      void api.close().finally(() => process.exit(0));
    }
  });
  reply({ kind: 'ready', baseUrl: api.baseUrl });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
