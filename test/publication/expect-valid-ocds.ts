/* eslint-disable @typescript-eslint/no-explicit-any -- OCDS documents are JSON that the checks walk freely */
import { assertValidOcds } from './ocds-schemas';

export interface ValidOcds {
  releasePackage: any;
  recordPackage: any;
  releases: any[];
  compiledRelease: any;
}

async function fetchJson(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as any;
}

function fail(what: string, problem: string): never {
  throw new Error(`${what}: ${problem}`);
}

/**
 * Fetches a tender's OCDS release package and record package over HTTP (no token) and checks them
 * against the official schemas in ../shared/ocds (release schema + bid extension, release package,
 * record package), each release and the compiled release too, and that they agree with each other:
 * one ocid ending in the tender id, unique release ids, dates in order, the record embedding exactly
 * the package's releases. Throws with the schema error path on the first problem. Pass the `position`
 * of the last command as `minPosition` so the read models include it.
 *
 *   const { compiledRelease } = await expectValidOcds(api.baseUrl, tenderId, { minPosition });
 */
export async function expectValidOcds(
  baseUrl: string,
  tenderId: string,
  options: { minPosition?: string } = {},
): Promise<ValidOcds> {
  const headers: Record<string, string> = options.minPosition
    ? { 'x-min-position': options.minPosition }
    : {};
  const releasePackage = await fetchJson(`${baseUrl}/ocds/tenders/${tenderId}/releases`, headers);
  const recordPackage = await fetchJson(`${baseUrl}/ocds/tenders/${tenderId}/record`, headers);
  const what = `OCDS of tender ${tenderId}`;
  assertValidOcds('releasePackage', releasePackage, `${what}: release package`);
  assertValidOcds('recordPackage', recordPackage, `${what}: record package`);
  const releases: any[] = releasePackage.releases;
  releases.forEach((release, index) =>
    assertValidOcds('release', release, `${what}: release ${index} (${release.id})`),
  );

  const ocid: string = releases[0].ocid;
  if (!ocid.endsWith(`-${tenderId}`)) fail(what, `ocid ${ocid} does not end with the tender id`);
  if (releases.some((r) => r.ocid !== ocid)) fail(what, 'releases carry different ocids');
  if (new Set(releases.map((r) => r.id)).size !== releases.length) {
    fail(what, 'two releases share an id');
  }
  const dates = releases.map((r) => r.date as string);
  if (dates.some((date, i) => i > 0 && date < dates[i - 1]))
    fail(what, 'releases out of date order');
  if (releasePackage.publishedDate !== dates.at(-1)) {
    fail(what, 'publishedDate is not the date of the newest release');
  }

  if (recordPackage.records.length !== 1) fail(what, 'the record package must hold one record');
  const [record] = recordPackage.records;
  if (record.ocid !== ocid) fail(what, `record ocid ${record.ocid} is not ${ocid}`);
  if (JSON.stringify(record.releases) !== JSON.stringify(releases)) {
    fail(what, "the record's releases are not the release package's");
  }
  const compiledRelease = record.compiledRelease;
  assertValidOcds('release', compiledRelease, `${what}: compiled release`);
  if (JSON.stringify(compiledRelease.tag) !== '["compiled"]') fail(what, 'compiled tag missing');
  if (compiledRelease.ocid !== ocid || compiledRelease.date !== dates.at(-1)) {
    fail(what, 'the compiled release must carry the ocid and the newest date');
  }
  return { releasePackage, recordPackage, releases, compiledRelease };
}
