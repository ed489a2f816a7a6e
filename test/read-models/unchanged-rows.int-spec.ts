import { RowSet } from '@fairtender/read-models';
import { ADAPTERS, type ReadModelSubject } from './subjects';

interface Row {
  id: string;
  count: number;
  doc: Record<string, unknown>;
  at: string;
}

const SPEC = {
  table: 'unchanged_rows_spec',
  columns: ['id', 'count', 'doc', 'at'],
  keyColumns: ['id'],
  timeColumns: ['at'],
} as const;

describe.each(ADAPTERS)('read-model rows written back, on %s', (_name, open) => {
  let subject: ReadModelSubject;

  beforeEach(async () => {
    subject = await open();
    await subject.client.query(
      `CREATE TABLE ${SPEC.table} (id text PRIMARY KEY, count integer, doc jsonb, at timestamptz)`,
    );
  });
  afterEach(() => subject.cleanup());

  const write = (rows: Row[]) =>
    subject.client.transaction(async (tx) => {
      const set = new RowSet<Row>({ ...SPEC, columns: [...SPEC.columns], keyColumns: ['id'] });
      for (const row of rows) set.put(row);
      await set.flush(tx);
    });
  /** id → [the transaction that wrote the row's current version, its count]. */
  const versions = async () =>
    new Map(
      (
        await subject.client.query<{ id: string; xmin: string; count: number }>(
          `SELECT id, xmin::text, count FROM ${SPEC.table}`,
        )
      ).map((r) => [r.id, [r.xmin, r.count]]),
    );

  it('rewrites only the rows whose values changed', async () => {
    const at = '2025-03-03T09:00:00.000Z';
    await write([
      { id: 'same', count: 1, doc: { a: 1, b: [1, 2] }, at },
      { id: 'changed', count: 1, doc: { a: 1 }, at },
      { id: 'reordered', count: 1, doc: { a: 1, b: 2 }, at },
    ]);
    const before = await versions();
    await write([
      { id: 'same', count: 1, doc: { a: 1, b: [1, 2] }, at },
      { id: 'changed', count: 2, doc: { a: 1 }, at },
      // The same jsonb value and the same instant, written differently.
      { id: 'reordered', count: 1, doc: { b: 2, a: 1 }, at: '2025-03-03T10:00:00+01:00' },
      { id: 'new', count: 1, doc: {}, at },
    ]);
    const after = await versions();
    expect(after.get('same')).toEqual(before.get('same'));
    expect(after.get('reordered')).toEqual(before.get('reordered'));
    expect(after.get('changed')![1]).toBe(2);
    expect(after.get('changed')![0]).not.toBe(before.get('changed')![0]);
    expect(after.get('new')![1]).toBe(1);
  });
});
