/**
 * Writes openapi.json, the API contract clients are generated from, and the TypeScript types
 * openapi-typescript generates from it (test/openapi/fairtender-api.ts): `npm run openapi`
 * (node -r @swc-node/register scripts/openapi.ts). `--check` exits 1 when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { formattedOpenApi, OPENAPI_PATH, OPENAPI_TYPES_PATH } from './openapi-format';
import { formattedOpenApiTypes } from './openapi-types';

async function main(): Promise<void> {
  const document = await formattedOpenApi();
  const types = await formattedOpenApiTypes(document);
  const stale = (path: string, wanted: string) => {
    try {
      return readFileSync(path, 'utf8') !== wanted;
    } catch {
      return true;
    }
  };
  if (process.argv.includes('--check')) {
    if (stale(OPENAPI_PATH, document) || stale(OPENAPI_TYPES_PATH, types)) {
      console.error('openapi.json is stale: run `npm run openapi`');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OPENAPI_PATH, document);
  writeFileSync(OPENAPI_TYPES_PATH, types);
  console.log(`wrote ${OPENAPI_PATH} and ${OPENAPI_TYPES_PATH}`);
}

void main();
