import { API_ERRORS, ApiErrors, statusOfCode, type AnyErrorCode } from './api-errors';

describe('@ApiErrors: the codes an operation answers, for the OpenAPI document', () => {
  it('answers each code with the status the exception filter gives it', () => {
    expect(statusOfCode('STANDSTILL_NOT_ENDED')).toBe(409);
    expect(statusOfCode('INVALID_NOTICE')).toBe(422);
    expect(statusOfCode('SEALED')).toBe(403);
    expect(statusOfCode('AWARD_NOT_FOUND')).toBe(404);
    expect(statusOfCode('RATE_LIMITED')).toBe(429);
  });

  it('records the codes on the handler', () => {
    class Probe {
      @ApiErrors('STANDSTILL_NOT_ENDED', 'AWARD_SUSPENDED')
      conclude(): void {}
    }
    expect(Reflect.getMetadata(API_ERRORS, Probe.prototype.conclude)).toEqual([
      'STANDSTILL_NOT_ENDED',
      'AWARD_SUSPENDED',
    ]);
  });

  it('refuses a code that is in neither map, when the decorator is applied', () => {
    // The type already refuses it; a code built at run time is still caught.
    const unknown = ['NO_SUCH_CODE'] as unknown as AnyErrorCode[];
    expect(() => ApiErrors(...unknown)).toThrow(/Unknown error code NO_SUCH_CODE/);
  });
});
