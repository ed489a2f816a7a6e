import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import {
  SANDBOX_CLOCK_MOVED_VERSION,
  SANDBOX_CLOCK_STREAM,
  type Actor,
  type SandboxClockMoved,
} from '@fairtender/domain';
import { EVENT_STORE, formatPosition, type EventStore } from '@fairtender/event-store';
import { ApiError } from '../http/api-error';
import { Clock } from '../runtime/clock';

export interface ClockReading {
  now: string;
  offsetSeconds: number;
}

/**
 * The sandbox clock: outside production the clock can be moved forward, never back, so a newcomer
 * reaches a deadline, an opening or the end of a standstill in minutes. Every move is appended to
 * `sandbox-clock` as SandboxClockMoved (who, from, to, the machine's time), and the offset is read back
 * from that stream at start-up, so a restart keeps the time and a replay can account for it.
 * With NODE_ENV=production every call is refused (SANDBOX_DISABLED) and the stream is not read.
 */
@Injectable()
export class SandboxClock implements OnModuleInit {
  private readonly logger = new Logger('Sandbox');

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.nodeEnv === 'production') return;
    const moves = await this.store.readStream(SANDBOX_CLOCK_STREAM, { maxCount: 1_000_000 });
    const last = moves.at(-1);
    if (!last) return;
    const offsetMs = (last.data as SandboxClockMoved['data']).offsetMs;
    this.clock.setSandboxOffset(offsetMs);
    this.logger.warn(
      `sandbox clock ${Math.round(offsetMs / 1000)} s ahead of real time (${moves.length} moves in ${SANDBOX_CLOCK_STREAM})`,
    );
  }

  read(): ClockReading {
    this.refuseInProduction();
    return {
      now: this.clock.now().toISOString(),
      offsetSeconds: this.clock.sandboxOffsetMsNow() / 1000,
    };
  }

  /** Moves the clock to `to`, or forward by `seconds`; recorded before it takes effect. */
  async move(
    actor: Actor,
    target: { to?: string; seconds?: number },
  ): Promise<ClockReading & { position: string }> {
    this.refuseInProduction();
    if ((target.to === undefined) === (target.seconds === undefined))
      throw new ApiError(400, 'VALIDATION_FAILED', 'Give either `to` or `advanceBySeconds`', {});
    const realNow = Date.now();
    const from = realNow + this.clock.sandboxOffsetMsNow();
    const to = target.to !== undefined ? Date.parse(target.to) : from + target.seconds! * 1000;
    if (!(to > from))
      throw new ApiError(
        409,
        'CLOCK_NOT_FORWARD',
        `The sandbox clock only moves forward: it reads ${new Date(from).toISOString()}`,
        { now: new Date(from).toISOString() },
      );
    const data: SandboxClockMoved['data'] = {
      movedAt: new Date(realNow).toISOString(),
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      offsetMs: to - realNow,
    };
    const result = await this.store.append(
      SANDBOX_CLOCK_STREAM,
      [
        {
          eventId: randomUUID(),
          type: 'SandboxClockMoved',
          version: SANDBOX_CLOCK_MOVED_VERSION,
          data,
          metadata: { actor: { ...actor } },
        },
      ],
      'any',
    );
    this.clock.setSandboxOffset(data.offsetMs);
    return { ...this.read(), position: formatPosition(result.position) };
  }

  private refuseInProduction(): void {
    if (this.config.nodeEnv === 'production')
      throw new ApiError(
        403,
        'SANDBOX_DISABLED',
        'The sandbox clock does not exist in production (NODE_ENV=production): time there is real time',
        {},
      );
  }
}
