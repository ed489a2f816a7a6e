import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliveryLog, WebhookRegistrations } from '@fairtender/notifications';
import { PgSqlClient } from '@fairtender/event-store';
import { SchedulerTestbed } from './scheduler-harness';

/** SIGTERM mid-job: the job in flight finishes, and writes its results, before the databases close. */
describe('Graceful shutdown of the scheduler', () => {
  const testbed = new SchedulerTestbed();
  let server: Server;
  let requestArrived!: () => void;
  const arrived = new Promise<void>((resolve) => (requestArrived = resolve));

  beforeAll(async () => {
    await testbed.setUp('scheduler_shutdown');
    // A slow receiver: it answers 1.5 s after the delivery arrives.
    server = createServer((request, response) => {
      request.resume();
      requestArrived();
      setTimeout(() => response.writeHead(204).end(), 1500);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await testbed.tearDown();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('finishes the delivery in flight and logs it before the database closes', async () => {
    const scheduler = await testbed.startScheduler();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    await scheduler.app.get(WebhookRegistrations).register('org-slow', url);
    const { tenderId } = await testbed.publishTender({ clarificationMs: 200, submissionMs: 400 });

    await arrived;
    const started = Date.now();
    await scheduler.stop();
    // The stop waited for the answer…
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);

    // …and the attempt was logged and the job completed, so nothing will deliver it again.
    const client = new PgSqlClient({ connectionString: testbed.databaseUrl });
    try {
      const log = await new DeliveryLog(client).forSupplier('org-slow', { limit: 10 });
      expect(log).toEqual([
        expect.objectContaining({
          tenderId,
          notificationType: 'tendering.closed',
          attempt: 1,
          statusCode: 204,
          outcome: 'delivered',
        }),
      ]);
      const [outbox] = await client.query<{ status: string }>(
        'SELECT status FROM notification_outbox WHERE supplier_id = $1',
        ['org-slow'],
      );
      expect(outbox.status).toBe('delivered');
    } finally {
      await client.close();
    }
  });
});
