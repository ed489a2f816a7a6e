import { loadConfig } from './app-config';
import { ConfigurationError, validateEnvironment } from './environment';

describe('planning rules (docs/planning.md)', () => {
  it('default to approval above £500,000, the demo approver on the development secret', () => {
    expect(loadConfig({}).planning).toEqual({
      strategyApprovalThreshold: 500_000,
      strategyApprovers: ['officer-carol'],
    });
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      STRATEGY_APPROVAL_THRESHOLD: '2000000',
      STRATEGY_APPROVERS: 'officer-bob, board-chair',
    });
    expect(config.planning).toEqual({
      strategyApprovalThreshold: 2_000_000,
      strategyApprovers: ['officer-bob', 'board-chair'],
    });
  });

  it.each([
    ['STRATEGY_APPROVAL_THRESHOLD', '-1'],
    ['STRATEGY_APPROVERS', 'officer bob'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(ConfigurationError);
    expect(() => validateEnvironment({ [name]: value })).toThrow(name);
  });
});
