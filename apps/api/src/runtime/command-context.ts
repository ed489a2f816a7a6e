import type { TenderCommandRun } from '@fairtender/tender-streams';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@fairtender/domain';
import type { EventMetadata } from '@fairtender/event-store';

/** Who is acting and why, stamped once at the edge and carried into every event's metadata. */
export interface CommandContext {
  actor: Actor;
  /** Event ids derive from it: the same id makes a retry idempotent. */
  commandId: string;
  correlationId: string;
  now: Date;
}

export function commandContext(
  actor: Actor,
  request: { id: string },
  now: Date,
  commandId: string = randomUUID(),
): CommandContext {
  return { actor, commandId, correlationId: request.id, now };
}

export function eventMetadata(context: CommandContext): EventMetadata {
  return {
    actor: { ...context.actor },
    correlationId: context.correlationId,
    causationId: context.commandId,
  };
}

/** What the runner needs of a request's command: the id events derive from, and their metadata. */
export function commandRun(context: CommandContext): TenderCommandRun {
  return { commandId: context.commandId, metadata: eventMetadata(context) };
}
