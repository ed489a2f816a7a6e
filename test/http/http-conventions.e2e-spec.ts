import { randomUUID } from 'node:crypto';
import { tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { noticeTerms } from '../support/tender-fixtures';

/** Issue 16 point 2: ETag, If-Match, Idempotency-Key, Location, WWW-Authenticate, 405, state now. */
describe('HTTP conventions (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_http_conventions');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const draft = async (headers: Record<string, string> = {}) => {
    const response = await api
      .as('officer-alice')
      .post('/tenders', noticeTerms(api.clock.now()), headers);
    expect(response.status).toBe(201);
    return response;
  };

  it('answers a 201 with Location and an ETag of the stream revision', async () => {
    const drafted = await draft();
    expect(drafted.headers.get('location')).toBe(`/tenders/${drafted.body.tenderId}`);
    expect(drafted.headers.get('etag')).toBe('"0"');
    const read = await api
      .as('officer-alice')
      .get(drafted.headers.get('location')!, { 'x-min-position': drafted.body.position });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"0"');
  });

  it('drafts one tender for two POSTs with the same Idempotency-Key', async () => {
    const key = `draft-${randomUUID()}`;
    const first = await draft({ 'idempotency-key': key });
    const again = await draft({ 'idempotency-key': key });
    expect(again.body.tenderId).toBe(first.body.tenderId);
    expect(again.body.recorded).toEqual([]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await api.store.readStream(tenderStream(first.body.tenderId))).toHaveLength(1);
    // Another organisation's same key is another command.
    const other = await api
      .as('officer-oscar')
      .post('/tenders', noticeTerms(api.clock.now()), { 'idempotency-key': key });
    expect(other.body.tenderId).not.toBe(first.body.tenderId);
    // Without a key, two POSTs are two drafts.
    expect((await draft()).body.tenderId).not.toBe((await draft()).body.tenderId);
  });

  it("refuses a stale If-Match with 412 instead of overwriting a colleague's edit", async () => {
    const { body } = await draft();
    const path = `/tenders/${body.tenderId}/draft`;
    const terms = noticeTerms(api.clock.now());
    const alice = await api
      .as('officer-alice')
      .put(path, { ...terms, title: 'Alice edits' }, { 'if-match': '"0"' });
    expect(alice.status).toBe(200);
    expect(alice.headers.get('etag')).toBe('"1"');
    const bob = await api
      .as('officer-bob')
      .put(path, { ...terms, title: 'Bob edits what he read' }, { 'if-match': '"0"' });
    expect(bob.status).toBe(412);
    expect(bob.body).toMatchObject({
      code: 'PRECONDITION_FAILED',
      details: { expectedRevision: 0, currentRevision: 1 },
    });
    const history = await api.store.readStream(tenderStream(body.tenderId));
    expect(history).toHaveLength(2);
    expect((history[1].data as { terms: { title: string } }).terms.title).toBe('Alice edits');
    // The current tag (weak form too) and * pass; a tag this api never issues is refused.
    const weak = await api
      .as('officer-bob')
      .put(path, { ...terms, title: 'Bob, having read again' }, { 'if-match': 'W/"1"' });
    expect(weak.status).toBe(200);
    expect((await api.as('officer-bob').put(path, terms, { 'if-match': '*' })).status).toBe(200);
    const bad = await api.as('officer-bob').put(path, terms, { 'if-match': 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_IF_MATCH');
    // Other mutations of the tender honour it too.
    const publish = await api
      .as('officer-alice')
      .post(`/tenders/${body.tenderId}/publication`, undefined, { 'if-match': '"1"' });
    expect(publish.status).toBe(412);
    expect(publish.body.code).toBe('PRECONDITION_FAILED');
  });

  it('names the Bearer scheme on a 401', async () => {
    const response = await api.as(null).post('/tenders', noticeTerms(api.clock.now()));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  });

  it('answers 405 with Allow for a known path and a wrong method, 404 for an unknown path', async () => {
    const id = randomUUID();
    const wrong = await api.as('officer-alice').request('DELETE', `/tenders/${id}/draft`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('PUT');
    expect(wrong.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED', details: { allow: 'PUT' } });
    const notices = await api.as(null).request('PATCH', '/notices');
    expect(notices.status).toBe(405);
    expect(notices.headers.get('allow')!.split(', ')).toContain('GET');
    const unknown = await api.as('officer-alice').get(`/nowhere/${id}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers GET /tenders/:id/state without at= with the present', async () => {
    const { body } = await draft();
    const revised = await api
      .as('officer-alice')
      .put(`/tenders/${body.tenderId}/draft`, noticeTerms(api.clock.now(), { title: 'Now' }));
    expect(revised.status).toBe(200);
    // Once the read models hold the revision, the global order shows it to every reader.
    await api
      .as('officer-alice')
      .get(`/tenders/${body.tenderId}`, { 'x-min-position': revised.body.position });
    const state = await api.as('legal-lee').get(`/tenders/${body.tenderId}/state`);
    expect(state.status).toBe(200);
    expect(JSON.stringify(state.body)).toContain('"Now"');
  });

  it('carries a W3C traceparent into the events it records', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { body } = await draft({
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    const [event] = await api.store.readStream(tenderStream(body.tenderId));
    expect(event.metadata).toMatchObject({ traceId, parentSpanId: '00f067aa0ba902b7' });
    const invalid = await draft({ traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` });
    const [untraced] = await api.store.readStream(tenderStream(invalid.body.tenderId));
    expect(untraced.metadata.traceId).toBeUndefined();
  });
});
