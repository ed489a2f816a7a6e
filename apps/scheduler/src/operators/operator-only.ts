import type { TokenVerifier } from '@fairtender/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface Refusal {
  status?: number;
  code?: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A Fastify onRequest hook: a valid bearer token of the platform's operator, or `401`/`403` with the API's error
 * body (`UNAUTHENTICATED`, `TOKEN_INVALID`, `TOKEN_EXPIRED`, `ROLE_NOT_ALLOWED`; `503 AUTH_UNAVAILABLE`
 * when the identity provider's keys cannot be fetched).
 */
/**
 * Only the platform's operator: the queues hold every authority's deadlines, so an officer of one
 * authority must not pause or retry another's (issue 16 point 7).
 */
export function operatorOnly(verifier: TokenVerifier) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    let role: string;
    try {
      ({ role } = await verifier.verifyAuthorizationHeader(request.headers.authorization));
    } catch (error) {
      const refusal = error as Refusal;
      const status = typeof refusal.status === 'number' ? refusal.status : 401;
      await reply.code(status).send({
        code: refusal.code ?? 'UNAUTHENTICATED',
        message: refusal.message,
        details: refusal.details ?? {},
        requestId: request.id,
      });
      return;
    }
    if (role !== 'operator') {
      await reply.code(403).send({
        code: 'ROLE_NOT_ALLOWED',
        message: `Role ${role} may not do this; allowed: operator`,
        details: { role, allowed: ['operator'] },
        requestId: request.id,
      });
    }
  };
}
