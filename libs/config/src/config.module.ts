import { Global, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { AppConfig, loadConfig } from './app-config';
import { DevelopmentKeyWarning } from './development-key-warning';

/**
 * A registerAs factory runs when the application is created, not when this file is imported (as
 * `ConfigModule.forRoot({ validate })` does), and leaves process.env untouched: every app and test
 * validates the environment it actually starts with.
 */
export const environmentConfig = registerAs('environment', () => loadConfig(process.env));

@Global()
@Module({
  imports: [ConfigModule.forFeature(environmentConfig)],
  providers: [
    {
      provide: AppConfig,
      useFactory: (config: AppConfig) => config,
      inject: [environmentConfig.KEY],
    },
    DevelopmentKeyWarning,
  ],
  exports: [AppConfig],
})
export class AppConfigModule {}
