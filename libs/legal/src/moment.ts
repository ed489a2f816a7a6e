import { isIsoInstant } from '@fairtender/domain';
import {
  comparePositions,
  formatPosition,
  parsePosition,
  type Position,
  type RecordedEvent,
} from '@fairtender/event-store';
import { ReplayError } from './errors';

/**
 * A moment of a tender's life: a time (every event the store recorded at or before it) or a global
 * position (every event at or before it), or now (every event).
 */
export type Moment =
  | { kind: 'time'; at: string; ms: number }
  | { kind: 'position'; position: Position }
  | { kind: 'now' };

const POSITION = /^\d{1,20}-\d{1,20}$/;

/** `"2025-03-31T12:00:00Z"` or `"1234-5678"`; anything else is `INVALID_MOMENT` naming the parameter. */
export function parseMoment(text: string, parameter = 'at'): Moment {
  if (POSITION.test(text)) return { kind: 'position', position: parsePosition(text) };
  if (isIsoInstant(text)) return { kind: 'time', at: text, ms: Date.parse(text) };
  throw new ReplayError(
    'INVALID_MOMENT',
    `${parameter} must be an ISO 8601 time with a time zone (2025-03-31T12:00:00Z) or a position (1234-5678); got "${text}"`,
    { parameter, value: text },
  );
}

export function isAtOrBefore(
  event: Pick<RecordedEvent, 'position' | 'recordedAt'>,
  moment: Moment,
): boolean {
  switch (moment.kind) {
    case 'now':
      return true;
    case 'time':
      return event.recordedAt.getTime() <= moment.ms;
    case 'position':
      return comparePositions(event.position, moment.position) <= 0;
  }
}

export function describeMoment(moment: Moment): string {
  switch (moment.kind) {
    case 'now':
      return 'now';
    case 'time':
      return moment.at;
    case 'position':
      return formatPosition(moment.position);
  }
}
