import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { SqlClient } from '../sql/sql-client';
import { SQL_CLIENT } from './sql-client.token';

@Injectable()
export class ReadModelDatabaseHealthIndicator {
  constructor(
    @Inject(SQL_CLIENT) private readonly client: SqlClient,
    private readonly health: HealthIndicatorService,
  ) {}

  isHealthy(key = 'readModels', timeoutMs = 3000) {
    return this.health
      .check(key)
      .attempt(async () => {
        await this.client.query('SELECT 1');
      })
      .withTimeout(timeoutMs);
  }
}
