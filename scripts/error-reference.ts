/**
 * Writes docs/errors.md from the code's error maps: `npm run docs:errors`
 * (node -r @swc-node/register scripts/error-reference.ts). `--check` exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formattedErrorReference } from './error-reference-format';

const target = join(__dirname, '..', 'docs', 'errors.md');

async function main(): Promise<void> {
  const wanted = await formattedErrorReference(target);
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== wanted) {
      console.error('docs/errors.md is stale: run `npm run docs:errors`');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(target, wanted);
  console.log(`wrote ${target}`);
}

void main();
