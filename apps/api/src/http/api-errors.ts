import { SetMetadata } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from '@fairtender/domain';
import { API_ERROR_CODES } from './api-error-codes';
import { STATUS_OF_KIND } from './api-exception.filter';

/** Every code the API can answer: the domain's and the edge's (docs/errors.md). */
export type AnyErrorCode = ErrorCode | keyof typeof API_ERROR_CODES;

export const API_ERRORS = 'fairtender:openapi:errors';

/** The HTTP status a code is answered with, as the one exception filter answers it. */
export function statusOfCode(code: string): number {
  if (code in ERROR_CODES) return STATUS_OF_KIND[ERROR_CODES[code as ErrorCode]];
  const api = API_ERROR_CODES[code];
  if (!api) throw new Error(`Unknown error code ${code}: add it to ERROR_CODES or API_ERROR_CODES`);
  return api.status;
}

/**
 * The codes an operation refuses with beyond those every route of its kind has (auth, parameters,
 * body, rate limits: see openapi-document.ts). The OpenAPI document lists them per status, each
 * status with the one error schema and its codes as an enum.
 *
 *   @ApiErrors('STANDSTILL_NOT_ENDED', 'AWARD_SUSPENDED')
 */
export function ApiErrors(...codes: AnyErrorCode[]): MethodDecorator {
  for (const code of codes) statusOfCode(code);
  return SetMetadata(API_ERRORS, codes);
}

/** The body of every error response (api-exception.filter.ts). */
export class ApiErrorDto {
  @ApiProperty({
    description: 'A stable machine-readable code (docs/errors.md)',
    example: 'TENDER_NOT_FOUND',
  })
  code!: string;

  @ApiProperty({ description: 'What went wrong, for a person', example: 'No tender 7c4…' })
  message!: string;

  @ApiProperty({
    description: 'Facts about the refusal a client can use (the field, the limit, the id)',
    type: 'object',
    additionalProperties: true,
    example: {},
  })
  details!: Record<string, unknown>;

  @ApiProperty({
    description: 'The request id, as the log records it',
    example: 'req-1',
  })
  requestId!: string;
}

/** `X-Min-Position` on a read of the read models (runtime/consistent-read.ts), for the document. */
export const MIN_POSITION_HEADER = {
  name: 'X-Min-Position',
  required: false,
  description: 'Wait until the read models include this position (from a command response)',
};
