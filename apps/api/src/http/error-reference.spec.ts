import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, ERROR_DESCRIPTIONS } from '@fairtender/domain';
import { formattedErrorReference } from '../../../../scripts/error-reference-format';
import { API_ERROR_CODES } from './api-error-codes';

const root = join(__dirname, '..', '..', '..', '..');

/** Every non-spec .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the error reference (docs/errors.md)', () => {
  it('is what scripts/error-reference.ts generates: run `npm run docs:errors` after changing a code', async () => {
    const path = join(root, 'docs', 'errors.md');
    expect(readFileSync(path, 'utf8')).toBe(await formattedErrorReference(path));
  });

  it('gives every domain code a meaning, and no meaning to a code that does not exist', () => {
    expect(Object.keys(ERROR_DESCRIPTIONS).sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const text of Object.values(ERROR_DESCRIPTIONS))
      expect(text.trim().length).toBeGreaterThan(10);
  });

  it('lists every code the api and the libraries it answers for raise', () => {
    const folders = [
      'apps/api/src',
      'libs/auth/src',
      'libs/legal/src',
      'libs/notifications/src',
      'libs/documents/src',
    ];
    const raised = new Set<string>();
    const patterns = [
      /new ApiError\(\s*\d{3},\s*'([A-Z][A-Z0-9_]+)'/g,
      /\bcode: '([A-Z][A-Z0-9_]+)'/g,
    ];
    for (const file of folders.flatMap((folder) => sources(join(root, folder)))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of patterns)
        for (const match of text.matchAll(pattern)) raised.add(match[1]);
    }
    const known = new Set([...Object.keys(ERROR_CODES), ...Object.keys(API_ERROR_CODES)]);
    expect([...raised].filter((code) => !known.has(code))).toEqual([]);
    expect(raised.size).toBeGreaterThan(10);
  });
});
