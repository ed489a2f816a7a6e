import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor, Role } from '@fairtender/domain';
import { AuthError } from './auth-errors';

export const IS_PUBLIC = 'fairtender:auth:public';
export const ALLOWED_ROLES = 'fairtender:auth:roles';

/** No token needed: health, /docs, published notices, the receipt public key. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (or every route of the controller); others get 403. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_ROLES, roles);

/** What AuthGuard stores on the request once the token is verified. */
export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The verified Actor of the request. On a @Public() route there is none, and asking is a bug. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new AuthError('UNAUTHENTICATED', 'This route needs an authenticated user', {});
  return actor;
});
