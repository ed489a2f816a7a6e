import {
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { entityTag } from './if-match';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency';

const LOCATION = 'fairtender:location';

/**
 * Where the resource a 201 created is read: `:name` is taken from the response body, else from the
 * route's parameters (`/tenders/:tenderId/challenges/:challengeId`).
 */
export const Locates = (template: string) => SetMetadata(LOCATION, template);

function filled(template: string, body: Record<string, unknown>, params: Record<string, string>) {
  return template.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(String(body[name] ?? params[name] ?? '')),
  );
}

/**
 * HTTP conventions every route shares (docs/api.md#http-conventions): an `ETag` with the stream
 * revision a body reports, `Location` on a 201, and `Idempotent-Replayed` when a keyed command found
 * itself already done.
 */
@Injectable()
export class HttpConventionsInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const template = this.reflector.get<string | undefined>(LOCATION, context.getHandler());
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === null || typeof body !== 'object' || reply.sent) return body;
        const fields = body as Record<string, unknown>;
        const revision = fields.revision ?? fields.lastRevision;
        if (typeof revision === 'number' && !reply.hasHeader('etag'))
          void reply.header('ETag', entityTag(revision));
        if (template)
          void reply.header(
            'Location',
            filled(template, fields, (request.params ?? {}) as Record<string, string>),
          );
        if (
          request.method !== 'GET' &&
          request.headers[IDEMPOTENCY_KEY_HEADER] !== undefined &&
          Array.isArray(fields.recorded) &&
          fields.recorded.length === 0 &&
          !reply.hasHeader('idempotent-replayed')
        )
          void reply.header('Idempotent-Replayed', 'true');
        return body;
      }),
    );
  }
}
