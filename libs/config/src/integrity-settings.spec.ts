import { DEFAULT_INTEGRITY_THRESHOLDS } from '@fairtender/domain';
import { loadConfig } from './app-config';
import { ConfigurationError, validateEnvironment } from './environment';

describe('competition-integrity thresholds', () => {
  it('default to the domain thresholds (R003 15 days, R024 1 %, R038 50 %, asymmetry 2)', () => {
    expect(loadConfig({}).integrity).toEqual(DEFAULT_INTEGRITY_THRESHOLDS);
  });

  it('are read from the environment', () => {
    const config = loadConfig({
      INTEGRITY_MIN_SUBMISSION_DAYS: '30',
      INTEGRITY_CLOSE_PRICE_PERCENT: '0.5',
      INTEGRITY_EXCESSIVE_EXCLUSION_PERCENT: '40',
      INTEGRITY_JUSTIFICATION_RATIO: '3',
    });
    expect(config.integrity).toEqual({
      minimumSubmissionDays: 30,
      closePricePercent: 0.5,
      excessiveExclusionPercent: 40,
      justificationAsymmetryRatio: 3,
    });
  });

  it.each([
    ['INTEGRITY_MIN_SUBMISSION_DAYS', '-1'],
    ['INTEGRITY_CLOSE_PRICE_PERCENT', 'one'],
    ['INTEGRITY_EXCESSIVE_EXCLUSION_PERCENT', '101'],
    ['INTEGRITY_JUSTIFICATION_RATIO', '0.5'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(ConfigurationError);
    expect(() => validateEnvironment({ [name]: value })).toThrow(name);
  });
});
