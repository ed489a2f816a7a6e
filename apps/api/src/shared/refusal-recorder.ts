import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AccessRefusal, AccessRefusalListener } from '@fairtender/auth';
import {
  currentVersion,
  refusalStream,
  tenderStream,
  type AccessEvent,
  type Actor,
} from '@fairtender/domain';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { Clock } from './clock';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records refused access on the tender's `refusals` stream, so an infringement attempt is detectable
 * afterwards (Directive 2014/24/EU Annex IV (g)). Only for tenders that exist: a refused request for a
 * made-up id must not create streams.
 */
@Injectable()
export class RefusalRecorder implements AccessRefusalListener {
  private readonly logger = new Logger('Refusals');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async refused(input: AccessRefusal): Promise<void> {
    const tenderId = input.params.tenderId;
    if (!tenderId || !UUID.test(tenderId)) return;
    if ((await this.store.readStream(tenderStream(tenderId), { maxCount: 1 })).length === 0) return;
    await this.record(tenderId, input.actor, {
      type: 'AccessRefused',
      data: {
        tenderId,
        attemptedAt: this.clock.now().toISOString(),
        action: `${input.method} ${input.url.split('?')[0]}`,
        code: input.code,
        reason: input.reason,
      },
    });
  }

  async record(
    tenderId: string,
    actor: Actor,
    event: AccessEvent,
    correlationId?: string,
  ): Promise<void> {
    try {
      await this.store.append(
        refusalStream(tenderId),
        [
          {
            eventId: randomUUID(),
            type: event.type,
            version: currentVersion(event.type),
            data: event.data,
            metadata: { actor: { ...actor }, ...(correlationId ? { correlationId } : {}) },
          },
        ],
        'any',
      );
    } catch (error) {
      this.logger.error(error, `Could not record ${event.type} on tender ${tenderId}`);
      throw error;
    }
  }
}
