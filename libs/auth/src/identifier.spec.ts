import { DEMO_USERS } from './demo-users';
import { IDENTIFIER_SYNTAX, identifierProblem } from './identifier';

describe('the identifier syntax of user and organisation claims', () => {
  it.each([
    'acme',
    'authority-1',
    'officer-alice',
    'a',
    '0',
    'a'.repeat(63),
    '3f2b8c1e-9a4d-4f6e-8b7a-2c1d0e9f8a7b',
  ])('accepts %p', (value) => {
    expect(identifierProblem(value)).toBeUndefined();
  });

  it.each([
    ['../acme', 'separator'],
    ['x/y', 'separator'],
    ['x\\y', 'separator'],
    ['acme.example', 'separator'],
    ['ACME', 'uppercase'],
    ['\u0430\u0441m\u0435', 'non_ascii'], // Cyrillic а, с, е: looks like "acme"
    ['caf\u00e9', 'non_ascii'],
    ['cafe\u0301', 'not_nfc'],
    ['acme\u0000', 'control'],
    ['ac me', 'syntax'],
    ['-acme', 'syntax'],
    ['', 'syntax'],
    ['a'.repeat(64), 'syntax'],
  ])('refuses %p (%s)', (value, problem) => {
    expect(identifierProblem(value)).toBe(problem);
  });

  it('is met by every demo user', () => {
    for (const user of DEMO_USERS) {
      expect([user.userId, user.organisationId].map(identifierProblem)).toEqual([
        undefined,
        undefined,
      ]);
    }
  });

  it('is documented as the regular expression it enforces', () => {
    expect(IDENTIFIER_SYNTAX.source).toBe('^[a-z0-9][a-z0-9-]{0,62}$');
  });
});
