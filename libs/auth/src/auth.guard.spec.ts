import { Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { SecretAuthSettings } from '@fairtender/config';
import type { AccessRefusal, AccessRefusalListener } from './access-refusal';
import { AuthError, ForbiddenRoleError } from './auth-errors';
import { AuthGuard } from './auth.guard';
import { Public, Roles } from './decorators';
import { demoUser } from './demo-users';
import { issueToken } from './token-issuer';
import { TokenVerifier } from './token-verifier';

const auth: SecretAuthSettings = {
  mode: 'secret',
  secret: 'a-test-secret-that-is-at-least-32-characters',
  issuer: 'fairtender',
  audience: 'fairtender-api',
  isDevelopmentSecret: false,
};

@Roles('officer')
class TendersController {
  publish() {}
  @Roles('officer', 'auditor')
  history() {}
  @Public()
  notice() {}
}

class HealthController {
  check() {}
}

function contextFor(
  controller: { prototype: object; name: string },
  method: string,
  request: Record<string, unknown>,
): ExecutionContext {
  const handler = (controller.prototype as Record<string, () => void>)[method];
  return {
    getHandler: () => handler,
    getClass: () => controller,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

async function requestAs(userId: Parameters<typeof demoUser>[0]) {
  return {
    method: 'POST',
    url: '/tenders/t-1/publish?x=1',
    params: { tenderId: 't-1' },
    headers: { authorization: `Bearer ${await issueToken(auth, demoUser(userId))}` },
  } as Record<string, unknown>;
}

class RecordingListener implements AccessRefusalListener {
  readonly refusals: AccessRefusal[] = [];
  constructor(private readonly fail = false) {}
  async refused(input: AccessRefusal): Promise<void> {
    this.refusals.push(input);
    if (this.fail) throw new Error('event store down');
  }
}

const guard = (listener?: AccessRefusalListener) =>
  new AuthGuard(new Reflector(), new TokenVerifier(auth), listener);

describe('AuthGuard', () => {
  it('lets anyone through a @Public() route, without looking at the header', async () => {
    const request = { headers: { authorization: 'Bearer rubbish' } };
    await expect(
      guard().canActivate(contextFor(TendersController, 'notice', request)),
    ).resolves.toBe(true);
    expect(request).not.toHaveProperty('actor');
  });

  it('requires a token on every route not marked public', async () => {
    const error = await guard()
      .canActivate(contextFor(HealthController, 'check', { headers: {} }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('stores the verified actor on the request for @CurrentActor()', async () => {
    const request = await requestAs('supplier-acme');
    await expect(guard().canActivate(contextFor(HealthController, 'check', request))).resolves.toBe(
      true,
    );
    expect(request.actor).toEqual(demoUser('supplier-acme'));
  });

  it('lets an allowed role through, the handler overriding the controller', async () => {
    await expect(
      guard().canActivate(contextFor(TendersController, 'publish', await requestAs('officer-bob'))),
    ).resolves.toBe(true);
    await expect(
      guard().canActivate(contextFor(TendersController, 'history', await requestAs('auditor-ada'))),
    ).resolves.toBe(true);
  });

  it('refuses another role with 403 ROLE_NOT_ALLOWED naming the allowed roles, and reports it first', async () => {
    const listener = new RecordingListener();
    const error = await guard(listener)
      .canActivate(contextFor(TendersController, 'publish', await requestAs('supplier-birch')))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenRoleError);
    expect(error).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
      message: 'Role supplier may not do this; allowed: officer',
      details: { role: 'supplier', allowed: ['officer'] },
    });
    expect(listener.refusals).toEqual([
      {
        actor: demoUser('supplier-birch'),
        method: 'POST',
        url: '/tenders/t-1/publish?x=1',
        params: { tenderId: 't-1' },
        code: 'ROLE_NOT_ALLOWED',
        reason: 'Role supplier may not do this; allowed: officer',
      },
    ]);
  });

  it('still answers 403 when the listener fails, and logs the failure', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const listener = new RecordingListener(true);
    await expect(
      guard(listener).canActivate(
        contextFor(TendersController, 'history', await requestAs('evaluator-eve')),
      ),
    ).rejects.toMatchObject({
      status: 403,
      message: 'Role evaluator may not do this; allowed: officer, auditor',
    });
    expect(listener.refusals).toHaveLength(1);
    expect(logged).toHaveBeenCalledWith(
      expect.stringContaining('Could not record the refusal of POST'),
      expect.stringContaining('event store down'),
    );
    logged.mockRestore();
  });

  it('does not report unauthenticated requests as role refusals', async () => {
    const listener = new RecordingListener();
    await expect(
      guard(listener).canActivate(contextFor(TendersController, 'publish', { headers: {} })),
    ).rejects.toMatchObject({ status: 401 });
    expect(listener.refusals).toEqual([]);
  });
});
