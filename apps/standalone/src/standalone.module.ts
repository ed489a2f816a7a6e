import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApiModule } from '../../api/src';
import { ProjectorModule } from '../../projector/src';
import { SchedulerModule } from '../../scheduler/src';
import { SCHEDULER_ABSENCE, StandaloneHealthController } from './standalone-health.controller';

export interface StandaloneOptions {
  /** Run the scheduler too; it needs Redis, which the zero-setup default does not assume. */
  withScheduler: boolean;
  /** Why it does not run, for /health (defaults to "not started"). */
  withoutSchedulerReason?: string;
}

/**
 * The api and the projector (and optionally the scheduler) in one process for `npm start`. Their
 * modules import the same global EventStoreModule, so they share one in-process PGlite.
 */
@Module({})
export class StandaloneModule {
  static register({ withScheduler, withoutSchedulerReason }: StandaloneOptions): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        ApiModule,
        ProjectorModule,
        ...(withScheduler ? [SchedulerModule] : []),
        TerminusModule,
      ],
      controllers: [StandaloneHealthController],
      providers: [
        {
          provide: SCHEDULER_ABSENCE,
          useValue: withScheduler ? null : (withoutSchedulerReason ?? 'not started'),
        },
      ],
    };
  }
}
