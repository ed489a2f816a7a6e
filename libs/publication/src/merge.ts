import type { OcdsRelease } from './ocds-types';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Release fields that describe the release itself, not the contracting process (`omitWhenMerged`). */
const OMIT_WHEN_MERGED = new Set(['id', 'date', 'tag']);

/** Arrays the schema marks `wholeListMerge`, though their items carry an `id`. */
const WHOLE_LIST_MERGE = new Set(['additionalClassifications', 'additionalIdentifiers']);

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const clone = <T>(value: T): T => structuredClone(value);

/** Objects that all carry an `id` are merged by it; any other array replaces the earlier one whole. */
function identifiable(items: Json[]): items is JsonObject[] {
  return items.length > 0 && items.every((item) => isObject(item) && item.id !== undefined);
}

function mergeArray(earlier: Json | undefined, later: Json[], key: string): Json[] {
  if (WHOLE_LIST_MERGE.has(key) || !identifiable(later) || !Array.isArray(earlier)) {
    return clone(later);
  }
  if (!identifiable(earlier)) return clone(later);
  const merged = earlier.map((item) => clone(item));
  for (const item of later) {
    const index = merged.findIndex((existing) => String(existing.id) === String(item.id));
    if (index === -1) merged.push(clone(item));
    else merged[index] = mergeObject(merged[index], item);
  }
  return merged;
}

/** OCDS merge of one object over another: null removes a field, objects merge field by field. */
function mergeObject(earlier: JsonObject, later: JsonObject): JsonObject {
  const merged: JsonObject = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    if (value === null) delete merged[key];
    else if (Array.isArray(value)) merged[key] = mergeArray(merged[key], value, key);
    else if (isObject(value))
      merged[key] = mergeObject(isObject(merged[key]) ? merged[key] : {}, value);
    else merged[key] = value;
  }
  return merged;
}

/**
 * The compiled release of one contracting process: its releases merged in date order by the OCDS
 * merge routine (the rules of `ocdsmerge` for the fields we publish), with `tag: ["compiled"]`, the
 * newest release's date, and `<ocid>-<date>` as id.
 */
export function compileRelease(releases: readonly OcdsRelease[]): OcdsRelease {
  if (releases.length === 0) throw new Error('A compiled release needs at least one release');
  let merged: JsonObject = {};
  for (const release of releases) {
    const body = Object.fromEntries(
      Object.entries(release as unknown as JsonObject).filter(([k]) => !OMIT_WHEN_MERGED.has(k)),
    );
    merged = mergeObject(merged, body);
  }
  const last = releases[releases.length - 1];
  return {
    ...(merged as unknown as OcdsRelease),
    ocid: last.ocid,
    id: `${last.ocid}-${last.date}`,
    date: last.date,
    tag: ['compiled'],
  };
}
