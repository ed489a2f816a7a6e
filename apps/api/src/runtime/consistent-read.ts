import { Injectable } from '@nestjs/common';
import { parsePosition } from '@fairtender/event-store';
import { ReadModelQueries } from '@fairtender/read-models';
import { ApiError } from '../http/api-error';

export const MIN_POSITION_HEADER = 'x-min-position';
const WAIT_MS = 5_000;

/**
 * Read-your-writes on eventually consistent read models: a client that sends the `position` a command
 * returned as `X-Min-Position` gets an answer that includes that command's effect.
 */
@Injectable()
export class ConsistentRead {
  constructor(private readonly queries: ReadModelQueries) {}

  async await(headers: Record<string, string | string[] | undefined>): Promise<void> {
    const raw = headers[MIN_POSITION_HEADER];
    if (raw === undefined) return;
    const text = Array.isArray(raw) ? raw[0] : raw;
    let position;
    try {
      position = parsePosition(text);
    } catch {
      throw new ApiError(
        400,
        'INVALID_POSITION',
        'X-Min-Position must be a position such as 1234-0',
        {
          header: 'X-Min-Position',
        },
      );
    }
    const reached = await this.queries.waitForPosition(position, WAIT_MS);
    if (!reached) {
      throw new ApiError(
        503,
        'READ_MODEL_BEHIND',
        `The read models have not reached position ${text} within ${WAIT_MS} ms; retry shortly`,
        { position: text },
      );
    }
  }
}
