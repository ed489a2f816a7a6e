import { randomUUID } from 'node:crypto';
import { createPostgresEventStore } from '@fairtender/event-store';
import { rate, sampleData } from './bench/bench-support';
const ev = (i: number) => [{ eventId: randomUUID(), type: 'BidSubmitted', version: 1, data: sampleData(i), metadata: { actor: { userId: 'bench', role: 'supplier' }, correlationId: randomUUID() } }];
(async () => {
  const store = await createPostgresEventStore({ connectionString: 'postgres://postgres@127.0.0.1:5432/fbench', maxConnections: 16 });
  const t = Date.now(); const c0 = process.cpuUsage();
  await rate(16, 600, (w, i) => store.append(`p-${w}-${i}-${Math.random()}`, ev(i), 'no_stream'));
  const c = process.cpuUsage(c0); console.log('adapter cpu/op', (c.user + c.system) / 9600, 'wall', Date.now() - t);
  await store.close();
})();
