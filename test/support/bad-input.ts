import { Client } from 'pg';
import type { DemoUserId } from '@fairtender/auth';
import type { RunningApi } from './http-api';

/** One client mistake and the answer it must get: a 4xx with a code, and nothing written. */
export interface BadInput<Ids> {
  name: string;
  user: DemoUserId | null;
  method: 'GET' | 'POST' | 'PUT';
  path: (ids: Ids) => string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** For validation failures: fields the answer must name. */
  fields?: string[];
  /** The refusal is evidence: one AccessRefused on that tender's refusals stream, and nothing else. */
  refusalOn?: keyof Ids;
}

/**
 * Every event as [stream, type], straight from the table: what is committed, not what the
 * global-order horizon lets readers see yet.
 */
export async function storedEvents(databaseUrl: string): Promise<[string, string][]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ stream_name: string; type: string }>(
      'SELECT stream_name, type FROM fairtender_events ORDER BY transaction_id, position',
    );
    return rows.map((row) => [row.stream_name, row.type]);
  } finally {
    await client.end();
  }
}

/**
 * One test per case: the status and code expected, a message, the fields named; the events stored
 * before are untouched and nothing is added but the refusal the case expects. `running` is read
 * when the tests run, after the suite's `beforeAll` has started the api and filled in the ids.
 */
export function itAnswersEachBadInput<Ids extends Record<keyof Ids, string>>(
  cases: BadInput<Ids>[],
  running: () => { api: RunningApi; databaseUrl: string; ids: Ids },
): void {
  it.each(cases)('$name → $status $code', async (bad) => {
    const { api, databaseUrl, ids } = running();
    const before = await storedEvents(databaseUrl);
    const response = await api
      .as(bad.user)
      .request(bad.method, bad.path(ids), bad.body, bad.headers);
    expect({ status: response.status, code: response.body?.code }).toEqual({
      status: bad.status,
      code: bad.code,
    });
    expect(typeof response.body.message).toBe('string');
    if (bad.fields) {
      const named = response.body.details.fields.map((field: { field: string }) => field.field);
      expect(named).toEqual(expect.arrayContaining(bad.fields));
    }
    const after = await storedEvents(databaseUrl);
    expect(after.slice(before.length)).toEqual(
      bad.refusalOn ? [[`tender-${ids[bad.refusalOn]}.refusals`, 'AccessRefused']] : [],
    );
    expect(after.slice(0, before.length)).toEqual(before);
  });
}
