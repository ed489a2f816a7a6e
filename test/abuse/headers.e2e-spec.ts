import { generateKeyPairSync } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiAppModule, configureApi } from '../../apps/api/src';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { bootApp } from '../apps/boot-app';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

/** Issue 17, finding 6: nothing per caller is cached; nosniff everywhere; HSTS in production. */
describe('security headers', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_abuse_headers');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    });
    const officer = api.as('officer-alice');
    tenderId = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    await officer.post(`/tenders/${tenderId}/publication`);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('marks a receipt, the bid content and a webhook secret no-store, and every answer nosniff', async () => {
    const acme = api.as('supplier-acme');
    const receipt = await acme.post(`/tenders/${tenderId}/bid`, bidBody(100));
    const ownBid = await acme.get(`/tenders/${tenderId}/bid`);
    const webhook = await acme.put('/webhook', { url: 'http://127.0.0.1:9/hook' });
    const sealed = await api.as('officer-alice').get(`/tenders/${tenderId}/bids/acme/content`);
    expect(receipt.status).toBe(201);
    expect(webhook.body.secret).toEqual(expect.any(String));
    for (const answer of [receipt, ownBid, webhook, sealed]) {
      expect(answer.headers.get('cache-control')).toBe('no-store');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(receipt.headers.get('strict-transport-security')).toBeNull();
  });

  it('sends HSTS in production only, and keeps /docs working under its content security policy', async () => {
    let app: NestFastifyApplication | undefined;
    try {
      app = await bootApp(
        ApiAppModule,
        {
          EVENT_STORE: 'embedded',
          EMBEDDED_DATA_DIR: 'memory://',
          NODE_ENV: 'production',
          AUTH_JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
          SEALING_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
          RECEIPT_SIGNING_KEY: productionReceiptKey(),
        },
        configureApi,
      );
      const docs = await app.inject({ method: 'GET', url: '/docs' });
      expect(docs.statusCode).toBe(200);
      expect(docs.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const policy = String(docs.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self' 'unsafe-inline'");
      const bundle = await app.inject({ method: 'GET', url: '/docs/swagger-ui-bundle.js' });
      expect(bundle.statusCode).toBe(200);
    } finally {
      await app?.close();
    }
  });
});

function productionReceiptKey(): string {
  return generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
}
