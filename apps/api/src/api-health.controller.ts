import { Public } from '@fairtender/auth';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthDto } from './http/responses.dto';
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
}
