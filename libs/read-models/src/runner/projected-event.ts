import {
  parseTenderStream,
  upcast,
  type KnownEvent,
  type KnownEventType,
} from '@fairtender/domain';
import { formatPosition, type Position, type RecordedEvent } from '@fairtender/event-store';

export type DataOf<T extends KnownEventType> = Extract<KnownEvent, { type: T }>['data'];

/** A recorded event of a tender's streams, upcast to the current schema of its type. */
export interface ProjectedEvent {
  type: string;
  data: unknown;
  eventId: string;
  tenderId: string;
  streamName: string;
  streamKind: 'tender' | 'bid' | 'evaluator' | 'refusals' | 'other';
  revision: number;
  position: Position;
  /** `position` as text ("<commit>-<prepare>"), for rows and logs. */
  positionText: string;
}

/** The event as read models see it, or undefined when it belongs to no tender (it is skipped). */
export function toProjectedEvent(recorded: RecordedEvent): ProjectedEvent | undefined {
  const stream = parseTenderStream(recorded.streamName);
  if (!stream) return undefined;
  const { type, data } = upcast(recorded.type, recorded.version, recorded.data);
  return {
    type,
    data,
    eventId: recorded.eventId,
    tenderId: stream.tenderId,
    streamName: recorded.streamName,
    streamKind: stream.kind,
    revision: recorded.revision,
    position: recorded.position,
    positionText: formatPosition(recorded.position),
  };
}

/** One function per event type: `(row, data, event, context) → row`, as an `evolve` would. */
export type RowHandlers<Row, Context = undefined> = {
  [T in KnownEventType]?: (
    row: Row | undefined,
    data: DataOf<T>,
    event: ProjectedEvent,
    context: Context,
  ) => Row | undefined;
};

/** Runs the handler for the event's type; a type without a handler leaves the row as it was. */
export function evolveRow<Row, Context>(
  handlers: RowHandlers<Row, Context>,
  row: Row | undefined,
  event: ProjectedEvent,
  context: Context,
): Row | undefined {
  const handler = handlers[event.type as KnownEventType] as
    | ((
        row: Row | undefined,
        data: unknown,
        event: ProjectedEvent,
        context: Context,
      ) => Row | undefined)
    | undefined;
  return handler ? handler(row, event.data, event, context) : row;
}
