import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionRunnerService } from './projection-runner.service';

/** Up while the runner starts or runs; down once stopped, with the error that stopped it. */
@Injectable()
export class ProjectionRunnerHealthIndicator {
  constructor(
    private readonly projector: ProjectionRunnerService,
    private readonly health: HealthIndicatorService,
  ) {}

  isHealthy(key = 'projector') {
    const status = this.projector.runner.status();
    const session = this.health.check(key);
    return status.state === 'running' || status.state === 'starting'
      ? session.up({ ...status })
      : session.down({ ...status });
  }
}
