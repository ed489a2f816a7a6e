import { randomUUID } from 'node:crypto';
import {
  comparePositions,
  formatPosition,
  type Position,
  type RecordedEvent,
} from '@fairtender/event-store';
import { READ_MODEL_PROJECTIONS, type Projection } from '@fairtender/read-models';
import { appendMarket, readLog } from './market';
import { ADAPTERS, dumpReadModels, type ReadModelSubject } from './subjects';

const isReceipt = (e: RecordedEvent) => e.type === 'BidSubmitted' || e.type === 'BidRevised';
const samePosition = (a: Position, b: Position) => comparePositions(a, b) === 0;

describe.each(ADAPTERS)('projection runner, crash safety, on %s', (_name, open) => {
  let subject: ReadModelSubject;
  let prefix: string;

  beforeEach(async () => {
    subject = await open();
    prefix = `t${randomUUID().slice(0, 6)}`;
  });
  afterEach(() => subject.cleanup());

  /** The rows show the effect of exactly `applied`, every row checked through its stream head. */
  async function expectRowsToReflect(applied: RecordedEvent[]): Promise<void> {
    const receipts = await subject.client.query<{ event_id: string }>(
      'SELECT event_id FROM rm_bid_receipts ORDER BY event_id',
    );
    expect(receipts.map((r) => r.event_id)).toEqual(
      applied
        .filter(isReceipt)
        .map((e) => e.eventId)
        .sort(),
    );
    const heads = new Map<string, number>();
    for (const e of applied) heads.set(e.streamName, e.revision);
    const rows = await subject.client.query<{ stream_name: string; last_revision: number }>(
      `SELECT 'tender-' || tender_id AS stream_name, last_revision::int FROM rm_tenders
       UNION ALL SELECT stream_name, last_revision::int FROM rm_bids WHERE stream_name IS NOT NULL`,
    );
    expect(new Map(rows.map((r) => [r.stream_name, r.last_revision]))).toEqual(heads);
  }

  it('a projection failing on the Nth event stops the runner before that batch, writing none of it', async () => {
    await appendMarket(subject.store, prefix);
    const log = await readLog(subject.store);
    const poison = log[22];
    const faulty: Projection = {
      name: 'faulty',
      apply(_rows, event) {
        if (event.eventId === poison.eventId) throw new Error('disk on fire');
      },
    };
    const runner = subject.runner({
      projections: [...READ_MODEL_PROJECTIONS, faulty],
      batchSize: 4,
    });
    await runner.start();
    await runner.whenStopped();

    const status = runner.status();
    expect(status.state).toBe('failed');
    expect(status.error).toContain(`at position ${formatPosition(poison.position)}`);
    expect(status.error).toContain('disk on fire');
    const checkpoint = (await subject.queries.getCheckpoint())!;
    expect(status.checkpoint).toBe(formatPosition(checkpoint));
    const appliedCount = log.findIndex((e) => samePosition(e.position, checkpoint)) + 1;
    expect(appliedCount).toBeGreaterThanOrEqual(22 - 3);
    expect(appliedCount).toBeLessThanOrEqual(22);
    await expectRowsToReflect(log.slice(0, appliedCount));

    // Restarted without the fault, it ends where a run from an empty database ends.
    const restarted = await subject.projectUpTo(log.at(-1)!.position);
    await expectRowsToReflect(log);
    const afterRestart = await dumpReadModels(subject.client);
    await restarted.rebuild();
    expect(await subject.queries.waitForPosition(log.at(-1)!.position, 20_000)).toBe(true);
    expect(await dumpReadModels(subject.client)).toEqual(afterRestart);
  });

  it('resuming from a checkpoint never duplicates a receipt', async () => {
    const tenders = await appendMarket(subject.store, prefix, 2);
    const firstHalf = await readLog(subject.store);
    const first = subject.runner({ batchSize: 3 });
    await first.start();
    await subject.queries.waitForPosition(firstHalf[10].position, 20_000);
    await first.stop();
    expect(first.status().state).toBe('stopped');

    for (const tender of tenders) {
      await tender.reviseBid('gamma', {
        contentHash: 'e'.repeat(64),
        sizeBytes: 99,
        receivedAt: '2025-03-20T10:00:00.000Z',
        noticeVersion: 2,
      });
    }
    const log = await readLog(subject.store);
    await subject.projectUpTo(log.at(-1)!.position);
    await expectRowsToReflect(log);

    const gamma = await subject.queries.getSupplierBids('gamma');
    expect(gamma.map((b) => b.receipts.map((r) => [r.kind, r.ordinal]))).toEqual([
      [
        ['submitted', 1],
        ['revised', 2],
      ],
      [
        ['submitted', 1],
        ['revised', 2],
      ],
    ]);
    const receipts = tenders.flatMap((t) => t.receiptEvents).sort();
    const stored = await subject.client.query<{ event_id: string }>(
      'SELECT event_id FROM rm_bid_receipts ORDER BY event_id',
    );
    expect(stored.map((r) => r.event_id)).toEqual(receipts);
  });

  it('a rebuild from zero gives the same rows as the live projection', async () => {
    await appendMarket(subject.store, prefix, 4);
    const log = await readLog(subject.store);
    const runner = await subject.projectUpTo(log.at(-1)!.position);
    const live = await dumpReadModels(subject.client);
    expect(live.rm_tenders).toHaveLength(4);

    await runner.rebuild();
    expect(await subject.queries.waitForPosition(log.at(-1)!.position, 20_000)).toBe(true);
    expect(await dumpReadModels(subject.client)).toEqual(live);
  });

  it('of two runners started on one database, one stops on the moved checkpoint; nothing is applied twice', async () => {
    await appendMarket(subject.store, prefix, 2);
    const log = await readLog(subject.store);
    const [a, b] = [subject.runner({ batchSize: 5 }), subject.runner({ batchSize: 5 })];
    await Promise.all([a.start(), b.start()]);
    expect(await subject.queries.waitForPosition(log.at(-1)!.position, 20_000)).toBe(true);
    const failed = [a, b].filter((r) => r.status().state === 'failed');
    if (failed.length === 0) await Promise.race([a.whenStopped(), b.whenStopped()]);
    const states = [a, b].map((r) => r.status().state).sort();
    expect(states).toEqual(['failed', 'running']);
    const loser = [a, b].find((r) => r.status().state === 'failed')!;
    expect(loser.status().error).toMatch(/another projector is running/);
    await expectRowsToReflect(log);
  });
});
