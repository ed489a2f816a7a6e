import { BID_EXTENSION_URL, OCDS_VERSION } from './codes';
import { compileRelease } from './merge';
import type {
  OcdsAmendment,
  OcdsRelease,
  PackageMetadata,
  RecordPackage,
  ReleaseBody,
  ReleasePackage,
} from './ocds-types';

/** `<prefix>-<tenderId>`: the open contracting id of a tender. */
export const ocidOf = (prefix: string, tenderId: string) => `${prefix}-${tenderId}`;

/** A release id: unique for ever, since the key is the id of the event that made the release. */
export const releaseIdOf = (ocid: string, key: string) => `${ocid}-${key}`;

function qualified(amendments: OcdsAmendment[] | undefined, ocid: string) {
  return amendments?.map((a) => ({
    ...a,
    ...(a.amendsReleaseID ? { amendsReleaseID: releaseIdOf(ocid, a.amendsReleaseID) } : {}),
    releaseID: releaseIdOf(ocid, a.releaseID),
  }));
}

/**
 * A stored release as published: the ocid (configuration, so a new prefix needs no rebuild) added,
 * and the release keys in its id and amendments qualified with it.
 */
export function publishRelease(body: ReleaseBody, ocid: string): OcdsRelease {
  const tenderAmendments = qualified(body.tender.amendments, ocid);
  return {
    ocid,
    ...body,
    id: releaseIdOf(ocid, body.id),
    tender: { ...body.tender, ...(tenderAmendments ? { amendments: tenderAmendments } : {}) },
    ...(body.contracts
      ? {
          contracts: body.contracts.map((contract) => {
            const amendments = qualified(contract.amendments, ocid);
            return { ...contract, ...(amendments ? { amendments } : {}) };
          }),
        }
      : {}),
  };
}

/** The package's date: the newest release in it (the last change to its contents, for an on-demand package). */
const newest = (releases: readonly OcdsRelease[]) =>
  releases.reduce((max, r) => (r.date > max ? r.date : max), releases[0].date);

export function releasePackage(
  releases: OcdsRelease[],
  meta: PackageMetadata,
  next?: string,
): ReleasePackage {
  if (releases.length === 0) throw new Error('A release package needs at least one release');
  return {
    uri: meta.uri,
    version: OCDS_VERSION,
    extensions: [BID_EXTENSION_URL],
    publishedDate: newest(releases),
    publisher: meta.publisher,
    releases,
    ...(next ? { links: { next } } : {}),
  };
}

/** One record per ocid: every release embedded, in date order, and the compiled release. */
export function recordPackage(releases: OcdsRelease[], meta: PackageMetadata): RecordPackage {
  if (releases.length === 0) throw new Error('A record package needs at least one release');
  return {
    uri: meta.uri,
    version: OCDS_VERSION,
    extensions: [BID_EXTENSION_URL],
    publishedDate: newest(releases),
    publisher: meta.publisher,
    records: [{ ocid: releases[0].ocid, releases, compiledRelease: compileRelease(releases) }],
  };
}
