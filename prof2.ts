import { randomUUID } from 'node:crypto';
import { createPostgresEventStore } from '@fairtender/event-store';
import { Pool } from 'pg';
import { sqlBaseline } from './bench/raw-baselines';
import { rate, sampleData } from './bench/bench-support';
const URL_ = 'postgres://postgres@127.0.0.1:5432/fbench';
const ev = (i: number) => [{ eventId: randomUUID(), type: 'BidSubmitted', version: 1, data: sampleData(i), metadata: { actor: { userId: 'bench', role: 'supplier' }, correlationId: randomUUID() } }];
(async () => {
  const store = await createPostgresEventStore({ connectionString: URL_, maxConnections: 16 });
  const pool = new Pool({ connectionString: URL_, max: 16 });
  const raw = sqlBaseline('pg', { query: async (t, p) => (await pool.query(t, p)).rows }, () => pool.end());
  for (let r = 0; r < 3; r++) {
    for (const [name, op] of [['raw', (w: number, i: number) => raw.append(`raw-${r}-${w}-${Math.random()}`, ev(i))], ['adapter', (w: number, i: number) => store.append(`ad-${r}-${w}-${Math.random()}`, ev(i), 'no_stream')]] as const) {
      const cpu = process.cpuUsage(); const t = Date.now();
      const rt = await rate(16, 200, op as any);
      const c = process.cpuUsage(cpu); const wall = Date.now() - t;
      console.log(name, Math.round(rt), 'ops/s; node cpu per op µs', Math.round((c.user + c.system) / 3200), 'node cpu share', ((c.user + c.system) / 1000 / wall).toFixed(2));
    }
  }
  await store.close(); await raw.close();
})();
