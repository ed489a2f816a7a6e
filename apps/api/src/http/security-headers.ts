import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Helmet's headers on every answer: `X-Content-Type-Options: nosniff`, frame and referrer policies,
 * HSTS in production only (a development server on http:// must not pin browsers to https). The
 * content security policy allows what the Swagger UI at /docs needs (its inline styles and the
 * bundle it loads from this server) and nothing from elsewhere.
 *
 * Answers are per caller (bid content, receipts, a webhook's secret shown once), so none may be
 * stored by a browser or a proxy: `Cache-Control: no-store` unless a route says otherwise.
 */
export async function addSecurityHeaders(
  app: NestFastifyApplication,
  { production }: { production: boolean },
): Promise<void> {
  await app.register(helmet, {
    hsts: production ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
        upgradeInsecureRequests: production ? [] : null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (_request, reply, payload, done) => {
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      done(null, payload);
    });
}
