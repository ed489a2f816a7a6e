import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { FastifyInstance } from 'fastify';

/**
 * Prometheus metrics of the process (docs/operations.md#metrics), one registry per process: the apps a
 * process runs (the standalone runs them all) share it.
 */
export const METRICS = new Registry();
collectDefaultMetrics({ register: METRICS, prefix: 'fairtender_' });

export const METRICS_PATH = '/metrics';

export const httpRequestDuration = new Histogram({
  name: 'fairtender_http_request_duration_seconds',
  help: 'HTTP request latency by route pattern, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [METRICS],
});

export const eventsAppended = new Counter({
  name: 'fairtender_events_appended_total',
  help: 'Events appended to the event store by this process, by kind of stream',
  labelNames: ['stream'] as const,
  registers: [METRICS],
});

export const jobsFailed = new Counter({
  name: 'fairtender_jobs_failed_total',
  help: 'Scheduler jobs that failed an attempt, by queue',
  labelNames: ['queue'] as const,
  registers: [METRICS],
});

export const deadlinesFired = new Counter({
  name: 'fairtender_deadlines_fired_total',
  help: 'Deadline jobs that recorded events (a deadline passed and the tender moved on)',
  registers: [METRICS],
});

type ProjectorStatus = () => { lagMs: number; pendingEvents: number };
const projectors = new Set<ProjectorStatus>();

new Gauge({
  name: 'fairtender_projector_lag_seconds',
  help: 'Age of the oldest event the projector has read but not yet projected',
  registers: [METRICS],
  collect() {
    this.set(Math.max(0, ...[...projectors].map((status) => status().lagMs)) / 1000);
  },
});
new Gauge({
  name: 'fairtender_projector_pending_events',
  help: 'Events the projector has read but not yet projected',
  registers: [METRICS],
  collect() {
    this.set([...projectors].reduce((sum, status) => sum + status().pendingEvents, 0));
  },
});

/** A running projector reports its lag through this until the returned function is called. */
export function observeProjector(status: ProjectorStatus): () => void {
  projectors.add(status);
  return () => projectors.delete(status);
}

type QueueCounts = () => Promise<Record<string, Record<string, number>>>;
const queueSources = new Set<QueueCounts>();

new Gauge({
  name: 'fairtender_queue_jobs',
  help: 'Jobs in each scheduler queue by state (waiting, delayed, active, failed, …)',
  labelNames: ['queue', 'state'] as const,
  registers: [METRICS],
  async collect() {
    this.reset();
    for (const source of queueSources) {
      const counts = await source().catch(() => ({}));
      for (const [queue, states] of Object.entries(counts))
        for (const [state, count] of Object.entries(states)) this.set({ queue, state }, count);
    }
  },
});

/** The scheduler reports its queues' depths through this until the returned function is called. */
export function observeQueues(counts: QueueCounts): () => void {
  queueSources.add(counts);
  return () => queueSources.delete(counts);
}

/** The kind of a stream for a label: `tender-<id>.bid.<supplier>` → `tender.bid`, never an id. */
export function streamKindLabel(streamName: string): string {
  const [head, ...rest] = streamName.split('.');
  const kind = head.split('-')[0];
  return [kind, ...rest.slice(0, 1)].join('.');
}

/**
 * Times every request by its route pattern (never the raw URL, so ids never become labels) and
 * serves the registry at /metrics.
 */
export function serveMetrics(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    if (route !== METRICS_PATH)
      httpRequestDuration.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    done();
  });
  fastify.get(METRICS_PATH, async (_request, reply) => {
    void reply.header('content-type', METRICS.contentType);
    return METRICS.metrics();
  });
}
