import { Global, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig, AppConfigModule } from '@fairtender/config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';

/**
 * Bearer-token authentication for every route of the app that imports it (see AuthGuard). To record
 * role refusals, provide an AccessRefusalListener under ACCESS_REFUSAL_LISTENER in a global module.
 */
@Global()
@Module({
  imports: [AppConfigModule],
  providers: [
    {
      provide: TokenVerifier,
      useFactory: (config: AppConfig) => new TokenVerifier(config.auth),
      inject: [AppConfig],
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    const { auth } = this.config;
    if (auth.mode === 'secret' && auth.isDevelopmentSecret)
      this.logger.warn(
        'AUTH_JWT_SECRET is not set: tokens are checked against the published development secret, ' +
          'so anyone can mint one. Set AUTH_JWT_SECRET or AUTH_JWKS_URL outside development.',
      );
  }
}
