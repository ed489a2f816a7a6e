import {
  Catch,
  HttpException,
  NotFoundException,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type Actor, type ErrorKind } from '@fairtender/domain';
import { EventStoreError } from '@fairtender/event-store';
import { InvalidCursorError } from '@fairtender/read-models';
import { PreconditionFailedError } from '@fairtender/tender-streams';
import { ApiError, type ApiErrorBody } from './api-error';
import { allowedMethods } from './known-routes';
import { DraftConcealment } from '../notice/draft-concealment';
import { RefusalRecorder } from '../runtime/refusal-recorder';
import { PAGE_CONTENT_SECURITY_POLICY } from '@fairtender/legal';
import { withoutCredentials } from '@fairtender/observability';
import { errorPage, isPagePath } from '../pages/error-page';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 422,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** Errors from libraries that carry their own HTTP status and code (auth, body parsing). */
interface StatusBearingError {
  status?: number;
  statusCode?: number;
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

/** The one place where every error becomes an HTTP response `{ code, message, details }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Api');

  constructor(
    private readonly refusals: RefusalRecorder,
    private readonly drafts: DraftConcealment,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & { actor?: Actor }>();
    const reply = http.getResponse<FastifyReply>();
    const params = (request.params ?? {}) as Record<string, string>;
    const described = methodNotAllowed(exception, request) ?? this.describe(exception);
    const [status, body] = await this.drafts
      .answer(params, request.actor, exception, described)
      .catch((error: unknown) => {
        this.logger.error(error, 'Could not check whether the tender is a draft');
        return described;
      });
    if (status >= 500)
      this.logger.error(exception, `${request.method} ${withoutCredentials(request.url)}`);
    if (isRecordableRefusal(exception) && request.actor) {
      // Acting on another authority's tender is recorded like acting outside one's role (docs/rules.md#sealed-bids).
      await this.refusals
        .refused({
          actor: request.actor,
          method: request.method,
          url: request.url,
          params,
          code: described[1].code,
          reason: described[1].message,
        })
        .catch((error: unknown) => this.logger.error(error, 'Could not record a refusal'));
    }
    // RFC 6750 §3: a 401 names the scheme; a 405 lists what the path does answer (RFC 9110 §15.5.6).
    if (status === 401) void reply.header('WWW-Authenticate', 'Bearer realm="fairtender"');
    if (status === 405) void reply.header('Allow', String(body.details.allow));
    if (isPagePath(request.url)) {
      void reply
        .status(status)
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
        .header('x-error-code', body.code)
        .send(errorPage(status, { ...body, requestId: request.id }));
      return;
    }
    void reply.status(status).send({ ...body, requestId: request.id });
  }

  describe(exception: unknown): [number, ApiErrorBody] {
    if (exception instanceof ApiError) return [exception.status, bodyOf(exception)];
    if (isDomainError(exception)) return [STATUS_OF_KIND[exception.kind], bodyOf(exception)];
    if (exception instanceof EventStoreError) return eventStoreFailure(exception);
    if (exception instanceof PreconditionFailedError) {
      return [
        412,
        {
          code: exception.code,
          message: exception.message,
          details: {
            expectedRevision: exception.expectedRevision,
            currentRevision: exception.actualRevision,
          },
        },
      ];
    }
    if (exception instanceof InvalidCursorError) {
      return [400, { code: exception.code, message: exception.message, details: {} }];
    }
    if (exception instanceof HttpException) return httpException(exception);
    const bearing = exception as StatusBearingError;
    const status = bearing?.status ?? bearing?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return [status, fromLibrary(status, bearing)];
    }
    return [500, { code: 'INTERNAL', message: 'Something went wrong on our side', details: {} }];
  }
}

/** A route-less answer for a path some route knows under other methods: 405 with them. */
function methodNotAllowed(
  exception: unknown,
  request: FastifyRequest,
): [number, ApiErrorBody] | undefined {
  // Nest's answer for a request no route matched: `Cannot <METHOD> <path>`.
  if (!(exception instanceof NotFoundException) || !exception.message.startsWith('Cannot '))
    return undefined;
  const allow = allowedMethods(request.server, request.url);
  if (allow.length === 0 || allow.includes(request.method)) return undefined;
  return [
    405,
    {
      code: 'METHOD_NOT_ALLOWED',
      message: `${request.method} is not allowed on this path; it answers ${allow.join(', ')}`,
      details: { allow: allow.join(', ') },
    },
  ];
}

/** Forbidden domain decisions not already on record (a sealed read records itself). */
function isRecordableRefusal(exception: unknown): boolean {
  return isDomainError(exception) && exception.kind === 'forbidden' && exception.code !== 'SEALED';
}

function bodyOf(error: { code: string; message: string; details: Record<string, unknown> }) {
  return { code: error.code, message: error.message, details: error.details };
}

function eventStoreFailure(error: EventStoreError): [number, ApiErrorBody] {
  switch (error.code) {
    case 'WRONG_EXPECTED_VERSION':
      return [
        409,
        {
          code: 'CONCURRENCY_CONFLICT',
          message: 'Others kept changing this record while we retried; try again',
          details: {},
        },
      ];
    case 'EVENT_ID_CONFLICT':
      return [409, { code: 'IDEMPOTENCY_KEY_REUSED', message: error.message, details: {} }];
    case 'INVALID_EVENT':
      return [413, { code: 'PAYLOAD_TOO_LARGE', message: error.message, details: {} }];
    default:
      return [400, bodyOf(error)];
  }
}

function httpException(exception: HttpException): [number, ApiErrorBody] {
  const status = exception.getStatus();
  if (status === 404) {
    return [404, { code: 'ROUTE_NOT_FOUND', message: exception.message, details: {} }];
  }
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? String((response as { message: unknown }).message)
      : exception.message;
  return [status, { code: httpCode(status, message), message, details: {} }];
}

/** Nest turns Fastify's body-parsing refusals into HttpExceptions; give them their own codes. */
function httpCode(status: number, message: string): string {
  if (status === 400 && /JSON/i.test(message)) return 'MALFORMED_JSON';
  if (status === 400) return 'INVALID_PARAMETER';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  return `HTTP_${status}`;
}

/** Fastify's own refusals (malformed JSON, body too large, unsupported media type) and auth errors. */
function fromLibrary(status: number, error: StatusBearingError): ApiErrorBody {
  if (error.code?.startsWith('FST_')) {
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : 'MALFORMED_REQUEST';
    return { code, message: error.message, details: {} };
  }
  if (error instanceof SyntaxError) {
    return { code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', details: {} };
  }
  return {
    code: error.code ?? `HTTP_${status}`,
    message: error.message,
    details: error.details ?? {},
  };
}
