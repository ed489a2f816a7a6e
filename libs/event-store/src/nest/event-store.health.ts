import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '../port';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthIndicatorService,
  ) {}

  isHealthy(key = 'eventStore', timeoutMs = 3000) {
    return this.health
      .check(key)
      .attempt(() => this.store.ping())
      .withTimeout(timeoutMs);
  }
}
