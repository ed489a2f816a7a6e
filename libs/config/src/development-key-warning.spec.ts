import { Logger } from '@nestjs/common';
import { loadConfig } from './app-config';
import { DevelopmentKeyWarning, developmentKeyWarnings } from './development-key-warning';

describe('development-key warnings', () => {
  afterEach(() => jest.restoreAllMocks());

  it('warns once for every secret left on its development value', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    new DevelopmentKeyWarning(loadConfig({})).onApplicationBootstrap();
    const messages = warn.mock.calls.map(([message]) => String(message));
    expect(messages).toHaveLength(3);
    for (const [name, consequence] of [
      ['AUTH_JWT_SECRET', 'mint a token'],
      ['SEALING_MASTER_KEY', 'unseal every bid'],
      ['RECEIPT_SIGNING_KEY', 'forge a bid receipt'],
    ]) {
      expect(messages.find((message) => message.startsWith(name))).toContain(consequence);
    }
  });

  it('says nothing of a secret that is set', () => {
    const config = loadConfig({ AUTH_JWT_SECRET: 'a-real-secret-of-at-least-32-characters!!' });
    const warnings = developmentKeyWarnings(config);
    expect(warnings.map((warning) => warning.split(' ')[0])).toEqual([
      'SEALING_MASTER_KEY',
      'RECEIPT_SIGNING_KEY',
    ]);
  });
});
