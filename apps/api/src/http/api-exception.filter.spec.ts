import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { DomainError } from '@fairtender/domain';
import { EventIdConflictError, WrongExpectedVersionError } from '@fairtender/event-store';
import { InvalidCursorError } from '@fairtender/read-models';
import { ApiError } from './api-error';
import { ApiExceptionFilter } from './api-exception.filter';
import type { DraftConcealment } from '../notice/draft-concealment';
import type { RefusalRecorder } from '../runtime/refusal-recorder';

const filter = new ApiExceptionFilter({} as RefusalRecorder, {} as DraftConcealment);
const describeError = (error: unknown) => {
  const [status, body] = filter.describe(error);
  return { status, code: body.code };
};

describe('ApiExceptionFilter: one mapping from every error to a status and a code', () => {
  it.each([
    [new DomainError('INVALID_NOTICE', 'x'), 422, 'INVALID_NOTICE'],
    [new DomainError('SEALED', 'x'), 403, 'SEALED'],
    [new DomainError('TENDER_NOT_FOUND', 'x'), 404, 'TENDER_NOT_FOUND'],
    [new DomainError('LATE_BID', 'x'), 409, 'LATE_BID'],
    [new ApiError(413, 'DOCUMENTS_TOO_LARGE', 'x'), 413, 'DOCUMENTS_TOO_LARGE'],
    [new WrongExpectedVersionError('s', 1, 2), 409, 'CONCURRENCY_CONFLICT'],
    [new EventIdConflictError('x'), 409, 'IDEMPOTENCY_KEY_REUSED'],
    [new InvalidCursorError('x'), 400, 'INVALID_CURSOR'],
    [
      new BadRequestException(
        "Body is not valid JSON but content-type is set to 'application/json'",
      ),
      400,
      'MALFORMED_JSON',
    ],
    [new BadRequestException('Validation failed (uuid is expected)'), 400, 'INVALID_PARAMETER'],
    [new HttpException('Unsupported Media Type', 415), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [new NotFoundException('Cannot GET /x'), 404, 'ROUTE_NOT_FOUND'],
    [
      Object.assign(new Error('Token expired'), { status: 401, code: 'TOKEN_EXPIRED' }),
      401,
      'TOKEN_EXPIRED',
    ],
  ])('%s → %i %s', (error, status, code) => {
    expect(describeError(error)).toEqual({ status, code });
  });

  it('answers 500 with no detail for anything it does not know', () => {
    const [status, body] = filter.describe(new TypeError('secret internals'));
    expect(status).toBe(500);
    expect(body).toEqual({
      code: 'INTERNAL',
      message: 'Something went wrong on our side',
      details: {},
    });
  });
});
