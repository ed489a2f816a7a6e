import { Public } from '@fairtender/auth';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthDto, LivenessDto } from './http/responses.dto';
import { ApiErrors } from './http/api-errors';
import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '@fairtender/event-store';

@Public()
@ApiTags('health')
@Controller('health')
export class ApiHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
  ) {}

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiErrors('HTTP_503')
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Whether this process and what it needs answer',
  })
  @ApiOkResponse({ type: HealthDto })
  check() {
    return this.health.check([() => this.eventStore.isHealthy()]);
  }

  /** Liveness: the process answers; it checks no dependency, so a database outage restarts nothing. */
  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Whether this process answers (no dependency checked)',
  })
  @ApiOkResponse({ type: LivenessDto })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the same checks as `/health`; 503 while a dependency is down, so traffic waits. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiErrors('HTTP_503')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Whether this process may take traffic: the checks of /health',
  })
  @ApiOkResponse({ type: HealthDto })
  ready() {
    return this.check();
  }
}
