import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@fairtender/domain';
import { ACCESS_REFUSAL_LISTENER, type AccessRefusalListener } from './access-refusal';
import { ForbiddenRoleError } from './auth-errors';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './decorators';
import { TokenVerifier } from './token-verifier';

/** The parts of a Fastify (or Express) request the guard reads. */
interface GuardedRequest extends AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  url: string;
  params?: Record<string, string>;
}

/**
 * Every route needs a valid bearer token unless marked @Public(); @Roles() narrows who may call it.
 * Registered globally, so a route someone forgot to annotate is closed, not open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    @Optional()
    @Inject(ACCESS_REFUSAL_LISTENER)
    private readonly refusals?: AccessRefusalListener,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const actor = await this.verifier.verifyAuthorizationHeader(request.headers.authorization);
    request.actor = actor;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (!allowed || allowed.includes(actor.role)) return true;

    const refusal = new ForbiddenRoleError(actor.role, allowed);
    await this.report({
      actor,
      method: request.method,
      url: request.url,
      params: { ...request.params },
      code: refusal.code,
      reason: refusal.message,
    });
    throw refusal;
  }

  /** A listener that fails must not turn the 403 into something else: log it and refuse anyway. */
  private async report(input: Parameters<AccessRefusalListener['refused']>[0]): Promise<void> {
    if (!this.refusals) return;
    try {
      await this.refusals.refused(input);
    } catch (error) {
      this.logger.error(
        `Could not record the refusal of ${input.method} ${input.url} to ${input.actor.userId}`,
        error instanceof Error ? error.stack : String(error),
      );
    }
  }
}
