import {
  Catch,
  Controller,
  Get,
  Global,
  Logger,
  Module,
  Param,
  Post,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '@fairtender/config';
import type { Actor } from '@fairtender/domain';
import { ACCESS_REFUSAL_LISTENER, type AccessRefusal } from './access-refusal';
import { AuthModule } from './auth.module';
import { CurrentActor, Public, Roles } from './decorators';
import { demoUser } from './demo-users';
import { issueToken } from './token-issuer';

@Controller('tenders')
class TendersController {
  @Public()
  @Get('notices')
  notices() {
    return { notices: [] };
  }

  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  @Roles('officer')
  @Post(':tenderId/open')
  open(@Param('tenderId') tenderId: string, @CurrentActor() actor: Actor) {
    return { tenderId, openedBy: actor.userId };
  }
}

const refusals: AccessRefusal[] = [];

@Global()
@Module({
  providers: [
    {
      provide: ACCESS_REFUSAL_LISTENER,
      useValue: { refused: async (input: AccessRefusal) => void refusals.push(input) },
    },
  ],
  exports: [ACCESS_REFUSAL_LISTENER],
})
class RefusalsModule {}

/** Stands in for the API's filter, which maps `{ status, code, message, details }`. */
@Catch()
class StatusFilter implements ExceptionFilter {
  catch(error: { status?: number; code?: string; message: string }, host: ArgumentsHost) {
    void host
      .switchToHttp()
      .getResponse<FastifyReply>()
      .status(error.status ?? 500)
      .send({ code: error.code, message: error.message });
  }
}

/** The whole wiring, over HTTP: global guard, decorators, listener, development-secret warning. */
describe('AuthModule in a Fastify app', () => {
  let app: NestFastifyApplication;
  const warnings: string[] = [];
  const config = loadConfig({ NODE_ENV: 'test' });
  const bearer = async (userId: Parameters<typeof demoUser>[0]) => ({
    authorization: `Bearer ${await issueToken(config.auth, demoUser(userId))}`,
  });

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule, RefusalsModule],
      controllers: [TendersController],
    })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), {
      logger: false,
    });
    app.useGlobalFilters(new StatusFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  it('warns once at start-up that the development secret is in use', () => {
    expect(warnings.filter((w) => w.includes('development secret'))).toHaveLength(1);
  });

  it('serves public routes without a token and closes the rest', async () => {
    const open = await app.inject({ method: 'GET', url: '/tenders/notices' });
    expect(open.statusCode).toBe(200);
    const closed = await app.inject({ method: 'GET', url: '/tenders/me' });
    expect(closed.statusCode).toBe(401);
    expect(closed.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('hands the verified actor to the handler', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/tenders/me',
      headers: await bearer('legal-lee'),
    });
    expect(response.json()).toEqual(demoUser('legal-lee'));
  });

  it('lets an officer open, and records a supplier who tries', async () => {
    const ok = await app.inject({
      method: 'POST',
      url: '/tenders/t-9/open',
      headers: await bearer('officer-alice'),
    });
    expect(ok.json()).toEqual({ tenderId: 't-9', openedBy: 'officer-alice' });

    const refused = await app.inject({
      method: 'POST',
      url: '/tenders/t-9/open',
      headers: await bearer('supplier-cedar'),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      code: 'ROLE_NOT_ALLOWED',
      message: 'Role supplier may not do this; allowed: officer',
    });
    expect(refusals).toEqual([
      expect.objectContaining({
        actor: demoUser('supplier-cedar'),
        method: 'POST',
        url: '/tenders/t-9/open',
        params: { tenderId: 't-9' },
        code: 'ROLE_NOT_ALLOWED',
      }),
    ]);
  });
});
