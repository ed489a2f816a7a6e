import type { PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';

/** Ids of suppliers (organisations), challenges and contract changes: what stream names can hold. */
export const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A record id in a path, else 400 `INVALID_PARAMETER` naming the parameter. */
class RecordIdParam implements PipeTransform<string, string> {
  constructor(private readonly parameter: string) {}

  transform(value: string): string {
    if (typeof value !== 'string' || !RECORD_ID.test(value)) {
      throw new ApiError(
        400,
        'INVALID_PARAMETER',
        `${this.parameter} must be 1 to 64 of A-Z a-z 0-9 _ -`,
        { parameter: this.parameter },
      );
    }
    return value;
  }
}

export const SupplierId = new RecordIdParam('supplierId');
export const ChallengeId = new RecordIdParam('challengeId');
export const ChangeId = new RecordIdParam('changeId');
export const CheckpointId = new RecordIdParam('checkpointId');
