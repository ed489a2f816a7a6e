/**
 * Writes openapi.json, the API contract clients are generated from: `npm run openapi`
 * (node -r @swc-node/register scripts/openapi.ts). `--check` exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formattedOpenApi, OPENAPI_PATH } from './openapi-format';

async function main(): Promise<void> {
  const wanted = await formattedOpenApi();
  if (process.argv.includes('--check')) {
    if (readFileSync(OPENAPI_PATH, 'utf8') !== wanted) {
      console.error('openapi.json is stale: run `npm run openapi`');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OPENAPI_PATH, wanted);
  console.log(`wrote ${OPENAPI_PATH}`);
}

void main();
