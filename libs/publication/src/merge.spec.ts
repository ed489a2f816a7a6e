import { compileRelease } from './merge';
import type { OcdsRelease } from './ocds-types';

const base = (id: string, date: string, extra: Record<string, unknown>) =>
  ({
    ocid: 'ocds-x-1',
    id,
    date,
    tag: ['tender'],
    initiationType: 'tender',
    ...extra,
  }) as unknown as OcdsRelease;

describe('compileRelease (OCDS merge)', () => {
  it('merges objects field by field, arrays of objects by id, and replaces other arrays', () => {
    const compiled = compileRelease([
      base('r1', '2025-01-01T00:00:00.000Z', {
        parties: [{ id: 'a', roles: ['buyer'] }],
        tender: {
          id: 't',
          title: 'Old',
          value: { amount: 1, currency: 'GBP' },
          submissionMethod: ['written'],
        },
      }),
      base('r2', '2025-01-02T00:00:00.000Z', {
        parties: [
          { id: 'b', roles: ['tenderer'] },
          { id: 'a', roles: ['buyer', 'procuringEntity'] },
        ],
        tender: { id: 't', title: 'New', submissionMethod: ['electronicSubmission'] },
      }),
    ]);
    expect(compiled.parties).toEqual([
      { id: 'a', roles: ['buyer', 'procuringEntity'] },
      { id: 'b', roles: ['tenderer'] },
    ]);
    expect(compiled.tender).toEqual({
      id: 't',
      title: 'New',
      value: { amount: 1, currency: 'GBP' },
      submissionMethod: ['electronicSubmission'],
    });
    expect(compiled).toMatchObject({
      id: 'ocds-x-1-2025-01-02T00:00:00.000Z',
      date: '2025-01-02T00:00:00.000Z',
      tag: ['compiled'],
    });
  });

  it('a null removes a field; wholeListMerge arrays are replaced even though their items have ids', () => {
    const compiled = compileRelease([
      base('r1', '2025-01-01T00:00:00.000Z', {
        tender: {
          id: 't',
          title: 'T',
          items: [
            {
              id: '1',
              additionalClassifications: [
                { scheme: 'CPV', id: 'a' },
                { scheme: 'CPV', id: 'b' },
              ],
            },
          ],
        },
      }),
      base('r2', '2025-01-02T00:00:00.000Z', {
        tender: {
          id: 't',
          title: null,
          items: [{ id: '1', additionalClassifications: [{ scheme: 'CPV', id: 'c' }] }],
        },
      }),
    ]);
    expect(compiled.tender).toEqual({
      id: 't',
      items: [{ id: '1', additionalClassifications: [{ scheme: 'CPV', id: 'c' }] }],
    });
  });
});
