import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { AccessRefusal, AccessRefusalListener } from '@fairtender/auth';
import { AppConfig } from '@fairtender/config';
import {
  currentVersion,
  DomainError,
  refusalStream,
  tenderStream,
  type AccessEvent,
  type AccessRefusalsRepeated,
  type Actor,
} from '@fairtender/domain';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { Clock } from './clock';
import { RefusalWindows, type RefusalWindow } from './refusal-windows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How often ended windows are written out; a window's summary lands at most this late. */
const CLOSE_EVERY_MS = 5_000;

type Repeated = AccessRefusalsRepeated['data'];
interface WindowContext {
  tenderId: string;
  actor: Actor;
  refusedType: Repeated['refusedType'];
  attempted: string;
  code: string;
  correlationId?: string;
}

/**
 * Records refused access on the tender's `refusals` stream, so an infringement attempt is detectable
 * afterwards (Directive 2014/24/EU Annex IV (g)). Only for tenders that exist: a refused request for a
 * made-up id must not create streams.
 *
 * A flood cannot fill a competitor's log (issue 17): the same attempt (actor, tender, event type,
 * action or target, code) refused again within REFUSAL_WINDOW_SECONDS is counted in memory, and the
 * window's count is written as one AccessRefusalsRepeated when the window ends (checked every 5 s),
 * when the attempt is refused again after it, or at shutdown. The first refusal of every window is
 * always written before the refusal is answered; a crash loses at most the counts of open windows.
 */
@Injectable()
export class RefusalRecorder implements AccessRefusalListener, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Refusals');
  private readonly windows: RefusalWindows<WindowContext>;
  private readonly windowSeconds: number;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.windows = new RefusalWindows(config.refusalWindowMs);
    this.windowSeconds = config.refusalWindowMs / 1000;
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.writeEnded(), CLOSE_EVERY_MS);
    this.timer.unref();
  }

  // onModuleDestroy runs before the event store closes (beforeApplicationShutdown).
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.writeSummaries(this.windows.closeAll());
  }

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

  /** Records a refusal, or counts it when the same attempt was recorded within the window. */
  async record(
    tenderId: string,
    actor: Actor,
    event: AccessEvent,
    correlationId?: string,
  ): Promise<void> {
    if (event.type === 'AccessRefusalsRepeated') return this.append(tenderId, actor, event);
    const context: WindowContext = {
      tenderId,
      actor: { ...actor },
      refusedType: event.type,
      attempted: event.type === 'AccessRefused' ? event.data.action : event.data.target,
      code: event.type === 'AccessRefused' ? event.data.code : 'SEALED',
      ...(correlationId ? { correlationId } : {}),
    };
    const key = JSON.stringify([
      tenderId,
      actor.userId,
      actor.organisationId,
      actor.role,
      context.refusedType,
      context.attempted,
      context.code,
    ]);
    // The window starts at the refusal's own recorded time, so its summary names that instant.
    const at = new Date(event.data.attemptedAt);
    const { verdict, closed } = this.windows.admit(key, at, context);
    await this.writeSummaries(closed);
    if (verdict === 'record') await this.append(tenderId, actor, event, correlationId);
  }

  /**
   * A read of sealed content before opening (Directive 2014/24 Annex IV(b), recorded per (g)): the
   * attempt is recorded, then refused with `SEALED`. `target` names what was asked for.
   */
  async refuseSealedRead(
    tenderId: string,
    actor: Actor,
    target: string,
    stage: string,
    correlationId?: string,
  ): Promise<never> {
    await this.record(
      tenderId,
      actor,
      {
        type: 'SealedContentReadRefused',
        data: { tenderId, attemptedAt: this.clock.now().toISOString(), target, stage },
      },
      correlationId,
    );
    throw new DomainError(
      'SEALED',
      `Bids on tender ${tenderId} are sealed until two officers open them (stage: ${stage}); this attempt has been recorded`,
      { tenderId, stage },
    );
  }

  /** Writes the windows that have ended; the timer calls it, tests may too. */
  async writeEnded(): Promise<void> {
    await this.writeSummaries(this.windows.closeEnded(this.clock.now())).catch((error: unknown) =>
      this.logger.error(error, 'Could not write the counts of ended refusal windows'),
    );
  }

  private async writeSummaries(windows: RefusalWindow<WindowContext>[]): Promise<void> {
    for (const window of windows) {
      const { context } = window;
      const summary: AccessRefusalsRepeated = {
        type: 'AccessRefusalsRepeated',
        data: {
          tenderId: context.tenderId,
          refusedType: context.refusedType,
          attempted: context.attempted,
          code: context.code,
          count: window.repeats,
          windowStartedAt: window.startedAt.toISOString(),
          windowSeconds: this.windowSeconds,
          firstRepeatAt: window.firstRepeatAt!.toISOString(),
          lastRepeatAt: window.lastRepeatAt!.toISOString(),
        },
      };
      await this.append(context.tenderId, context.actor, summary, context.correlationId);
    }
  }

  private async append(
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
