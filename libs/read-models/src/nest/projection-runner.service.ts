import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, SQL_CLIENT, type EventStore, type SqlClient } from '@fairtender/event-store';
import { AppConfig } from '@fairtender/config';
import { readModelProjections } from '../read-models';
import { ProjectionRunner } from '../runner/projection-runner';
import { READ_MODEL_SCHEMA } from './read-models.module';

/** Databases that already have a runner in this process: a second one would only contend for the checkpoint. */
const claimed = new WeakSet<SqlClient>();

/** The runner inside a Nest app: starts at bootstrap, stops before the event store closes. */
@Injectable()
export class ProjectionRunnerService implements OnApplicationBootstrap, OnModuleDestroy {
  readonly runner: ProjectionRunner;
  private readonly logger = new Logger('Projector');
  private owns = false;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SQL_CLIENT) private readonly client: SqlClient,
    @Inject(READ_MODEL_SCHEMA) _schema: unknown,
    @Optional() config?: AppConfig,
  ) {
    this.runner = new ProjectionRunner({
      store,
      client,
      logger: this.logger,
      projections: readModelProjections({ integrity: config?.integrity }),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (claimed.has(this.client)) {
      this.logger.warn('A projection runner already runs on this database in this process');
      return;
    }
    claimed.add(this.client);
    this.owns = true;
    await this.runner.start();
  }

  // onModuleDestroy runs before every beforeApplicationShutdown, where the event store closes.
  async onModuleDestroy(): Promise<void> {
    if (!this.owns) return;
    await this.runner.stop();
    claimed.delete(this.client);
    this.owns = false;
  }
}
