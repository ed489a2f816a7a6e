import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import ipaddr from 'ipaddr.js';
import { Redis } from 'ioredis';
import { TokenVerifier } from '@fairtender/auth';
import { AppConfig, type RateLimitSettings } from '@fairtender/config';
import type { Actor } from '@fairtender/domain';
import { mergeRouteConfig } from './body-limits';

type Bucket = 'bids';
type Limiter = (request: FastifyRequest) => Promise<LimiterAnswer>;
type LimiterAnswer =
  | { isAllowed: true; key: string }
  | { isAllowed: false; isExceeded: boolean; max: number; ttlInSeconds: number; key: string };

const ACTOR = Symbol('rateLimitedActor');
/** Probes of the load balancer and the orchestrator must never read 429. */
const UNLIMITED = new Set(['/health']);
type CountedRequest = FastifyRequest & { [ACTOR]?: Actor };

/**
 * Bid submission routes (submit, revise, re-confirm, withdraw) count only in their actor's own
 * bucket: no flood from another actor, nor from the same address (a shared NAT, a hostile
 * neighbour), can make an honest supplier wait or be refused at a deadline.
 */
export function BidSubmission(): MethodDecorator {
  return (_target, _key, descriptor) => {
    mergeRouteConfig(descriptor.value as object, { rateBucket: 'bids' satisfies Bucket });
    return descriptor;
  };
}

/** The address a flood comes from: IPv4 as is, IPv6 by its /64 (one host's whole allocation). */
export function addressKey(ip: string): string {
  if (!ipaddr.isValid(ip)) return ip;
  const address = ipaddr.parse(ip);
  if (address.kind() === 'ipv4') return address.toString();
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${v6.toNormalizedString().split(':').slice(0, 4).join(':')}::/64`;
}

/**
 * Rate limits (issue 17) with @fastify/rate-limit's counters (Redis or memory), checked in one
 * `onRequest` hook before the body is read:
 *  - a verified token's actor (sub + org) has its own bucket, so one actor's flood spends only its own;
 *  - every request also counts against its address, anonymous ones against a stricter bucket;
 *  - bid submission counts only against the actor's separate bids bucket (see BidSubmission).
 * The token is verified here (the verifier caches it for the guard); an invalid one counts as
 * anonymous, so nobody can spend another actor's bucket by naming it.
 */
export async function limitRates(app: NestFastifyApplication): Promise<void> {
  const settings = app.get(AppConfig).rateLimits;
  const verifier = app.get(TokenVerifier);
  const fastify = app.getHttpAdapter().getInstance();
  const redis = settings.store === 'redis' ? connect(app.get(AppConfig)) : undefined;
  await app.register(rateLimit, {
    global: false,
    skipOnError: true, // Redis away: serve rather than refuse (availability is fairness)
    ...(redis ? { redis, nameSpace: `${app.get(AppConfig).scheduler.queuePrefix}-rate-` } : {}),
  });
  if (redis) fastify.addHook('onClose', async () => void redis.disconnect());
  const limiter = (name: string, max: number, key: (request: CountedRequest) => string) =>
    fastify.createRateLimit({
      max,
      timeWindow: settings.windowMs,
      keyGenerator: (request) => `${name}:${key(request as CountedRequest)}`,
    }) as unknown as Limiter;
  const actorKey = (request: CountedRequest) =>
    `${request[ACTOR]!.organisationId}/${request[ACTOR]!.userId}`;
  const limits = {
    anonymous: limiter('anonymous', settings.anonymousPerAddress, (r) => addressKey(r.ip)),
    address: limiter('address', settings.perAddress, (r) => addressKey(r.ip)),
    actor: limiter('actor', settings.perActor, actorKey),
    bids: limiter('bids', settings.bidsPerActor, actorKey),
  };

  fastify.addHook('onRequest', async (request: CountedRequest, reply: FastifyReply) => {
    if (UNLIMITED.has(request.routeOptions.url ?? '')) return;
    const actor = await actorOf(verifier, request);
    if (actor) request[ACTOR] = actor;
    const bucket = (request.routeOptions.config as { rateBucket?: Bucket } | undefined)?.rateBucket;
    const checks =
      actor && bucket === 'bids'
        ? [['bids', limits.bids] as const]
        : actor
          ? ([
              ['actor', limits.actor],
              ['address', limits.address],
            ] as const)
          : ([
              ['anonymous', limits.anonymous],
              ['address', limits.address],
            ] as const);
    for (const [name, check] of checks) {
      const answer = await check(request);
      if (!answer.isAllowed && answer.isExceeded) {
        return refuse(reply, request, name, answer.max, answer.ttlInSeconds, settings);
      }
    }
  });
}

async function actorOf(
  verifier: TokenVerifier,
  request: FastifyRequest,
): Promise<Actor | undefined> {
  if (request.headers.authorization === undefined) return undefined;
  return verifier.verifyAuthorizationHeader(request.headers.authorization).catch(() => undefined);
}

function refuse(
  reply: FastifyReply,
  request: FastifyRequest,
  bucket: string,
  max: number,
  retryAfterSeconds: number,
  settings: RateLimitSettings,
) {
  const retryAfter = Math.max(1, retryAfterSeconds);
  return reply
    .status(429)
    .header('retry-after', String(retryAfter))
    .send({
      code: 'RATE_LIMITED',
      message: `Too many requests: at most ${max} per ${settings.windowMs / 1000} s (${bucket}); retry in ${retryAfter} s`,
      details: {
        bucket,
        limit: max,
        windowSeconds: settings.windowMs / 1000,
        retryAfterSeconds: retryAfter,
      },
      requestId: request.id,
    });
}

function connect(config: AppConfig): Redis {
  const redis = new Redis(config.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  });
  redis.on('error', () => undefined); // counted as skipOnError; the scheduler's health reports Redis
  return redis;
}
