import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official OCDS 1.1.5 schemas, from `../shared/ocds` beside the repository (as CI clones it), with
 * the bid extension merged into the release schema by JSON Merge Patch (RFC 7386), validated by Ajv
 * (JSON Schema draft-04, as the schemas declare).
 */
export const OCDS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'ocds');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 7386: objects merge member by member, null removes a member, anything else replaces. */
export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const result: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = jsonMergePatch(result[key] ?? null, value);
  }
  return result;
}

const readJson = (...path: string[]) =>
  JSON.parse(readFileSync(join(OCDS_DIR, ...path), 'utf8')) as Json;

/** The codes of a codelist CSV (its `Code` column). */
export function codelist(...path: string[]): Set<string> {
  const [header, ...rows] = readFileSync(join(OCDS_DIR, ...path), 'utf8')
    .trim()
    .split(/\r?\n/);
  const column = header.split(',').indexOf('Code');
  return new Set(rows.map((row) => row.split(',')[column]));
}

/** Open codelists whose CSV we have: our values must come from them (an extension would need saying so). */
const OPEN_CODELISTS: Record<string, Set<string>> = {
  'partyRole.csv': codelist('codelists', 'partyRole.csv'),
  'submissionMethod.csv': codelist('codelists', 'submissionMethod.csv'),
  'bidStatistics.csv': codelist('bid_extension', 'codelists', 'bidStatistics.csv'),
};

export type OcdsKind = 'release' | 'releasePackage' | 'recordPackage';

function buildValidators(): Record<OcdsKind, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // OCDS's own keywords: `codelist` is checked against the CSVs we have; the rest only annotate.
  ajv.addVocabulary([
    'openCodelist',
    'deprecated',
    'wholeListMerge',
    'omitWhenMerged',
    'versionId',
  ]);
  ajv.addKeyword({
    keyword: 'codelist',
    schemaType: 'string',
    errors: false,
    validate: (file: string, data: unknown) => {
      const codes = OPEN_CODELISTS[file];
      if (!codes || data === null || data === undefined) return true;
      const values = Array.isArray(data) ? data : [data];
      return values.every((value) => typeof value === 'string' && codes.has(value));
    },
  });
  const release = jsonMergePatch(
    readJson('release-schema.json'),
    readJson('bid_extension', 'release-schema.json'),
  );
  ajv.addSchema(release as object);
  ajv.addSchema(readJson('versioned-release-validation-schema.json') as object);
  return {
    release: ajv.getSchema(
      'https://standard.open-contracting.org/schema/1__1__5/release-schema.json',
    )!,
    releasePackage: ajv.compile(readJson('release-package-schema.json') as object),
    recordPackage: ajv.compile(readJson('record-package-schema.json') as object),
  };
}

let validators: Record<OcdsKind, ValidateFunction> | undefined;

const describe = (errors: ErrorObject[]) =>
  errors
    .slice(0, 20)
    .map((e) => `  ${e.instancePath || '/'}: ${e.message ?? e.keyword} (${e.schemaPath})`)
    .join('\n');

/** Throws, naming each failing path, unless `data` is valid against the official schema of its kind. */
export function assertValidOcds(kind: OcdsKind, data: unknown, what: string = kind): void {
  validators ??= buildValidators();
  const validate = validators[kind];
  if (!validate(data)) {
    throw new Error(
      `${what} is not valid OCDS 1.1.5 (${kind}):\n${describe(validate.errors ?? [])}`,
    );
  }
}
