import { join } from 'node:path';

export const OPENAPI_PATH = join(__dirname, '..', 'openapi.json');
/** The TypeScript types openapi-typescript generates from openapi.json, for the typed client's test. */
export const OPENAPI_TYPES_PATH = join(__dirname, '..', 'test', 'openapi', 'fairtender-api.ts');
