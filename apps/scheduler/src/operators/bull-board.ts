import { createBullBoard } from '@bull-board/api';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TokenVerifier } from '@fairtender/auth';
import { AppConfig } from '@fairtender/config';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { DEADLINES_QUEUE, NOTIFICATIONS_QUEUE } from '../queues/queue-names';
import { operatorOnly } from './operator-only';

export const QUEUE_DASHBOARD_PATH = '/queues';

/**
 * Bull Board on the app's Fastify instance at /queues, for the platform's operator only: the board's routes live in
 * a Fastify scope whose onRequest hook checks the bearer token before any of them runs (the API's
 * global guard never sees raw Fastify routes). Apps without HTTP (a benchmark) get no board.
 */
@Injectable()
export class QueueDashboard implements OnModuleInit {
  private readonly logger = new Logger('QueueDashboard');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @InjectQueue(DEADLINES_QUEUE) private readonly deadlines: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly notifications: Queue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const http = this.adapterHost.httpAdapter;
    if (!http || http.getType() !== 'fastify') return;
    const serverAdapter = new BullBoardFastifyAdapter();
    serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
    createBullBoard({
      // @bull-board/fastify pins its own copy of @bull-board/api (a patch apart): the same shape.
      serverAdapter: serverAdapter as unknown as IServerAdapter,
      queues: [new BullMQAdapter(this.deadlines), new BullMQAdapter(this.notifications)],
      options: { uiConfig: { boardTitle: 'Fairtender queues' } },
    });
    const verifier = new TokenVerifier(this.config.auth);
    const fastify = http.getInstance<FastifyInstance>();
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', operatorOnly(verifier));
        await scope.register(serverAdapter.registerPlugin());
      },
      { prefix: QUEUE_DASHBOARD_PATH },
    );
    this.logger.log(`Queue dashboard at ${QUEUE_DASHBOARD_PATH} (operators only)`);
  }
}
