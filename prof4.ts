import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { sqlBaseline } from './bench/raw-baselines';
import { rate, sampleData } from './bench/bench-support';
const ev = (i: number) => [{ eventId: randomUUID(), type: 'BidSubmitted', version: 1, data: sampleData(i), metadata: { actor: { userId: 'bench', role: 'supplier' }, correlationId: randomUUID() } }];
(async () => {
  const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/fbench', max: 16 });
  const raw = sqlBaseline('pg', { query: async (t, p) => (await pool.query(t, p)).rows }, () => pool.end());
  const t = Date.now(); const c0 = process.cpuUsage();
  await rate(16, 600, (w, i) => raw.append(`q-${w}-${i}-${Math.random()}`, ev(i)));
  const c = process.cpuUsage(c0); console.log('raw cpu/op', (c.user + c.system) / 9600, 'wall', Date.now() - t);
  await raw.close();
})();
