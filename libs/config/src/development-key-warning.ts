import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from './app-config';

/** What a development value lets anyone do, said in the warning for each secret. */
const CONSEQUENCE: Record<string, string> = {
  AUTH_JWT_SECRET: 'anyone can mint a token for any user and role',
  SEALING_MASTER_KEY: 'anyone can unseal every bid before opening',
  RECEIPT_SIGNING_KEY: 'anyone can forge a bid receipt',
};

/** The warnings, one per secret running on its published development value. */
export function developmentKeyWarnings(config: AppConfig): string[] {
  return config
    .developmentDefaults()
    .map(
      (name) =>
        `${name} is the published development value: ${CONSEQUENCE[name] ?? 'it is public'}. Set ${name} before real use (production refuses it).`,
    );
}

/**
 * Logs each development secret in use once, when the app has started (docs/operations.md#configuration
 * promises it for every secret). Production never gets here with one: the environment refuses them.
 */
@Injectable()
export class DevelopmentKeyWarning implements OnApplicationBootstrap {
  private readonly logger = new Logger('Config');

  constructor(private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    for (const warning of developmentKeyWarnings(this.config)) this.logger.warn(warning);
  }
}
