import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectionRunnerHealthIndicator } from './projection-runner.health';
import { ProjectionRunnerService } from './projection-runner.service';
import { ReadModelsModule } from './read-models.module';

/**
 * Runs the projections (import it in the projector only; the standalone app gets it through the
 * ProjectorModule). Needs EVENT_STORE, from EventStoreModule.
 */
@Module({
  imports: [ReadModelsModule, TerminusModule],
  providers: [ProjectionRunnerService, ProjectionRunnerHealthIndicator],
  exports: [ProjectionRunnerService, ProjectionRunnerHealthIndicator],
})
export class ProjectionRunnerModule {}
