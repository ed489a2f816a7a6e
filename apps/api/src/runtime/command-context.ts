import type { TenderCommandRun } from '@fairtender/tender-streams';
import type { Actor } from '@fairtender/domain';
import type { EventMetadata } from '@fairtender/event-store';
import { commandIdFor, idempotencyKeyOf } from '../http/idempotency';
import { expectedRevisionOf } from '../http/if-match';
import { traceOf, type Trace } from '../http/traceparent';

/** Who is acting and why, stamped once at the edge and carried into every event's metadata. */
export interface CommandContext {
  actor: Actor;
  /** Event ids derive from it: the same id makes a retry idempotent. */
  commandId: string;
  correlationId: string;
  now: Date;
  /** The request's `If-Match`: the revision the caller last saw of the stream the command writes. */
  expectedRevision?: number;
  /** The request's W3C `traceparent`, when it sent a valid one (docs/operations.md#tracing). */
  trace?: Trace;
  /** Whether this context derived the command id from an `Idempotency-Key` (see `commandContext`). */
  keyed?: boolean;
}

/** What a command's context reads of its request (a FastifyRequest has all of it). */
export interface CommandRequest {
  id: string;
  method?: string;
  url?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * The context of a request's command. Without an explicit `commandId`, an `Idempotency-Key` header
 * derives it (scoped to the organisation, the method and the path, see `commandIdFor`), so every
 * command of the api is idempotent under a key; `If-Match` and `traceparent` are read here too.
 */
export function commandContext(
  actor: Actor,
  request: CommandRequest,
  now: Date,
  commandId?: string,
): CommandContext {
  const headers = request.headers ?? {};
  const key = idempotencyKeyOf(headers);
  const path = (request.url ?? '').split('?')[0];
  // A caller that derives its own id (bids, challenges, contract) keeps its own repeat handling.
  const id = commandId ?? commandIdFor(actor, `${request.method ?? 'POST'} ${path}`, key);
  const keyed = commandId === undefined && key !== undefined;
  const trace = traceOf(headers);
  const expectedRevision = expectedRevisionOf(headers);
  return {
    actor,
    commandId: id,
    correlationId: request.id,
    now,
    keyed,
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    ...(trace ? { trace } : {}),
  };
}

export function eventMetadata(context: CommandContext): EventMetadata {
  return {
    actor: { ...context.actor },
    correlationId: context.correlationId,
    causationId: context.commandId,
    ...(context.trace
      ? { traceId: context.trace.traceId, parentSpanId: context.trace.parentId }
      : {}),
  };
}

/** What the runner needs of a request's command: the id events derive from, and their metadata. */
export function commandRun(context: CommandContext): TenderCommandRun {
  return {
    commandId: context.commandId,
    metadata: eventMetadata(context),
    replayable: context.keyed === true,
    ...(context.expectedRevision === undefined
      ? {}
      : { expectedRevision: context.expectedRevision }),
  };
}
