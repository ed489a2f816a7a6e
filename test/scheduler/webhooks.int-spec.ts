/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON the test inspects */
import { startHttpApi, type RunningApi } from '../support/http-api';
import { noticeTerms } from '../support/tender-fixtures';
import { SchedulerTestbed, type SchedulerProcess } from './scheduler-harness';
import { verifiedBy, WebhookReceiver } from './webhook-receiver';

/**
 * Suppliers register webhooks through the api; the scheduler delivers signed notifications to a
 * receiver on this machine, retrying after failures, and each supplier reads its own delivery log.
 */
describe('Webhooks: registration, signed deliveries, retries, the delivery log', () => {
  const testbed = new SchedulerTestbed();
  const receiver = new WebhookReceiver();
  let api: RunningApi;
  let scheduler: SchedulerProcess;
  let tenderId: string;
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    await testbed.setUp('scheduler_webhooks');
    await receiver.start();
    api = await startHttpApi(testbed.env());
    scheduler = await testbed.startScheduler();
  });
  afterAll(async () => {
    await api?.close();
    await testbed.tearDown();
    await receiver.stop();
  });

  it('a supplier registers a webhook and gets its signing secret, once', async () => {
    const acme = api.as('supplier-acme');
    const first = await acme.put('/webhook', { url: receiver.url('/acme') });
    // 200, as openapi.json says, whether new or replacing (issue 16); `replaced` tells which.
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      url: receiver.url('/acme'),
      registeredAt: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      replaced: false,
    });
    const again = await acme.put('/webhook', { url: receiver.url('/acme') });
    expect(again.status).toBe(200);
    expect(again.body.replaced).toBe(true);
    expect(again.body.secret).not.toBe(first.body.secret);
    secrets.acme = again.body.secret;

    const shown = await acme.get('/webhook');
    expect(shown.body).toEqual({ url: receiver.url('/acme'), registeredAt: expect.any(String) });
    expect(JSON.stringify(shown.body)).not.toContain('whsec_');

    const birch = await api.as('supplier-birch').put('/webhook', { url: receiver.url('/birch') });
    expect(birch.status).toBe(200);
    secrets.birch = birch.body.secret;
  });

  it('a clarification answer reaches every supplier, signed; a 500 is retried until it succeeds', async () => {
    receiver.answer('/acme', 500, 500, 200).answer('/birch', 200);
    const officer = api.as('officer-alice');
    const drafted = await officer.post('/tenders', noticeTerms(api.clock.now()));
    tenderId = drafted.body.tenderId;
    expect((await officer.post(`/tenders/${tenderId}/publication`)).status).toBe(200);
    const asked = await api
      .as('supplier-acme')
      .post(`/tenders/${tenderId}/clarifications`, { question: 'Must footage stay in the UK?' });
    const answered = await officer.post(
      `/tenders/${tenderId}/clarifications/${asked.body.questionId}/answer`,
      { answer: 'Yes: UK data centres only.' },
    );
    expect(answered.status).toBe(200);

    await testbed.eventually(async () =>
      receiver.at('/acme').length >= 3 && receiver.at('/birch').length >= 1 ? true : undefined,
    );
    const toAcme = receiver.at('/acme');
    expect(toAcme.map((d) => d.answeredWith)).toEqual([500, 500, 200]);
    expect(toAcme.map((d) => d.headers['fairtender-attempt'])).toEqual(['1', '2', '3']);
    // Exponential backoff (WEBHOOK_RETRY_BASE_MS=100): about 100 ms, then about 200 ms.
    expect(toAcme[1].receivedAt - toAcme[0].receivedAt).toBeGreaterThanOrEqual(90);
    expect(toAcme[2].receivedAt - toAcme[1].receivedAt).toBeGreaterThanOrEqual(190);
    for (const delivery of toAcme) expect(verifiedBy(secrets.acme, delivery)).toBe(true);
    // Another supplier's secret does not verify it.
    expect(verifiedBy(secrets.birch, toAcme[2])).toBe(false);
    // The same bytes on every attempt.
    expect(new Set(toAcme.map((d) => d.body)).size).toBe(1);

    const body = JSON.parse(toAcme[2].body);
    expect(body).toEqual({
      id: expect.any(String),
      type: 'clarification.answered',
      tenderId,
      occurredAt: expect.any(String),
      data: {
        title: noticeTerms(api.clock.now()).title,
        questionId: asked.body.questionId,
        question: 'Must footage stay in the UK?',
        answer: 'Yes: UK data centres only.',
        answeredAt: expect.any(String),
      },
    });
    const [toBirch] = receiver.at('/birch');
    expect(verifiedBy(secrets.birch, toBirch)).toBe(true);
    expect(JSON.parse(toBirch.body)).toEqual(body);
    // Who asked is nobody else's business.
    expect(toBirch.body).not.toMatch(/"acme"|supplier-acme/);
  });

  it('each supplier reads its own delivery log: every attempt with status, error and duration', async () => {
    const log = await api.as('supplier-acme').get('/webhook/deliveries');
    expect(log.status).toBe(200);
    const eventId = JSON.parse(receiver.at('/acme')[0].body).id;
    expect(log.body.items).toEqual([
      expect.objectContaining({ attempt: 3, statusCode: 200, outcome: 'delivered' }),
      expect.objectContaining({
        attempt: 2,
        statusCode: 500,
        outcome: 'failed',
        error: 'The receiver answered 500',
      }),
      expect.objectContaining({ attempt: 1, statusCode: 500, outcome: 'failed' }),
    ]);
    for (const item of log.body.items) {
      expect(item).toMatchObject({
        eventId,
        tenderId,
        notificationType: 'clarification.answered',
        url: receiver.url('/acme'),
        durationMs: expect.any(Number),
        attemptedAt: expect.any(String),
      });
      expect(item).not.toHaveProperty('supplierId');
    }
    expect(log.body.nextCursor).toBeNull();

    const firstPage = await api.as('supplier-acme').get('/webhook/deliveries?limit=2');
    expect(firstPage.body.items.map((i: any) => i.attempt)).toEqual([3, 2]);
    const secondPage = await api
      .as('supplier-acme')
      .get(`/webhook/deliveries?limit=2&before=${firstPage.body.nextCursor}`);
    expect(secondPage.body.items.map((i: any) => i.attempt)).toEqual([1]);

    const birch = await api.as('supplier-birch').get('/webhook/deliveries');
    expect(birch.body.items).toHaveLength(1);
    expect(JSON.stringify(birch.body)).not.toContain('/acme');
    expect((await api.as('supplier-cedar').get('/webhook/deliveries')).body.items).toEqual([]);
  });

  it('delivers once: no attempt after the success, even when the event is enqueued again', async () => {
    const eventId = JSON.parse(receiver.at('/acme')[0].body).id;
    // What a replay or a second scheduler would do: the same job id, so nothing new.
    await scheduler.notifications.add(
      'clarification.answered',
      { eventId, supplierId: 'acme' },
      { jobId: `${eventId}:acme:webhook` },
    );
    // A job under another id (as after Redis lost its data) finds the outbox row delivered.
    const replayed = await scheduler.notifications.add(
      'clarification.answered',
      { eventId, supplierId: 'acme' },
      { jobId: `${eventId}:acme:replayed` },
    );
    await testbed.eventually(async () =>
      (await replayed.getState()) === 'completed' ? true : undefined,
    );
    expect((await scheduler.notifications.getJob(replayed.id!))?.returnvalue).toEqual({
      outcome: 'already-settled',
      status: 'delivered',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.at('/acme')).toHaveLength(3);
  });

  it('cancelling the tender and closing tendering are notified too', async () => {
    receiver.answer('/acme', 204);
    const cancelled = await api
      .as('officer-alice')
      .post(`/tenders/${tenderId}/cancellation`, { reason: 'Requirement withdrawn' });
    expect(cancelled.status).toBe(200);
    const delivery = await testbed.eventually(async () =>
      receiver.at('/acme').find((d) => JSON.parse(d.body).type === 'tender.cancelled'),
    );
    expect(verifiedBy(secrets.acme, delivery)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({
      tenderId,
      data: { reason: 'Requirement withdrawn', stage: 'tendering' },
    });

    const { tenderId: closing } = await testbed.publishTender({
      clarificationMs: 300,
      submissionMs: 600,
    });
    const closed = await testbed.eventually(async () =>
      receiver
        .at('/birch')
        .find(
          (d) =>
            JSON.parse(d.body).type === 'tendering.closed' &&
            JSON.parse(d.body).tenderId === closing,
        ),
    );
    expect(verifiedBy(secrets.birch, closed)).toBe(true);
  });

  it('a removed webhook gets nothing more', async () => {
    const acme = api.as('supplier-acme');
    expect((await acme.request('DELETE', '/webhook')).status).toBe(204);
    expect((await acme.get('/webhook')).body.code).toBe('WEBHOOK_NOT_FOUND');
    expect((await acme.request('DELETE', '/webhook')).status).toBe(404);
    const before = receiver.at('/acme').length;
    const { tenderId: another } = await testbed.publishTender({
      clarificationMs: 200,
      submissionMs: 400,
    });
    await testbed.eventually(async () =>
      receiver.at('/birch').some((d) => JSON.parse(d.body).tenderId === another) ? true : undefined,
    );
    expect(receiver.at('/acme')).toHaveLength(before);
  });

  it('refuses bad input with a clear code', async () => {
    const acme = api.as('supplier-acme');
    const scheme = await acme.put('/webhook', { url: 'ftp://hooks.example.com/x' });
    expect(scheme.status).toBe(422);
    expect(scheme.body).toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      details: { reason: 'scheme', allowed: ['https', 'http'] },
    });
    const credentials = await acme.put('/webhook', { url: 'https://me:pw@hooks.example.com/' });
    expect(credentials.body).toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      details: { reason: 'credentials' },
    });
    const unresolvable = await acme.put('/webhook', { url: 'https://no-such-host.invalid/hook' });
    expect(unresolvable.body).toMatchObject({
      code: 'WEBHOOK_URL_NOT_ALLOWED',
      details: { reason: 'unresolvable' },
    });
    expect((await acme.put('/webhook', { url: 'not a url' })).body.details.reason).toBe(
      'malformed',
    );

    const missing = await acme.put('/webhook', {});
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.fields).toEqual([expect.objectContaining({ field: 'url' })]);
    const unknown = await acme.put('/webhook', { url: receiver.url('/x'), events: ['all'] });
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    expect((await acme.get('/webhook/deliveries?limit=0')).body.code).toBe('VALIDATION_FAILED');
    expect((await acme.get('/webhook/deliveries?before=abc')).body.code).toBe('VALIDATION_FAILED');

    const evaluator = await api.as('evaluator-eve').put('/webhook', { url: receiver.url('/x') });
    expect(evaluator.status).toBe(403);
    expect(evaluator.body.code).toBe('ROLE_NOT_ALLOWED');
    expect((await api.as(null).get('/webhook/deliveries')).status).toBe(401);
  });

  it('refuses loopback and private targets unless configured to allow them', async () => {
    const strict = await startHttpApi(
      { ...testbed.env(), WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'false' },
      { withProjector: false },
    );
    try {
      const acme = strict.as('supplier-acme');
      for (const url of [
        receiver.url('/acme'),
        'http://localhost:8080/hook',
        'http://[::1]/hook',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.8/hook',
      ]) {
        const refused = await acme.put('/webhook', { url });
        expect(refused.status).toBe(422);
        expect(refused.body).toMatchObject({
          code: 'WEBHOOK_URL_NOT_ALLOWED',
          details: { reason: 'private_address' },
        });
      }
    } finally {
      await strict.close();
    }
  });
});
