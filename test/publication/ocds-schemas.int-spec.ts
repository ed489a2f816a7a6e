import { compileRelease, recordPackage, releasePackage, releasesOf } from '@fairtender/publication';
import {
  awardEvents,
  contractEvents,
  EventLog,
  openingEvents,
  TENDER,
  tenderingEvents,
} from '@fairtender/publication/testing/tender-events';
import { assertValidOcds } from './ocds-schemas';

const META = { uri: 'https://example.test/ocds/x', publisher: { name: 'Fairtender test' } };

/** The mapping's own fixture (libs/publication) against the official schemas, without a server. */
describe('OCDS schemas (../shared/ocds) against the mapping', () => {
  const releases = releasesOf(TENDER, openingEvents(tenderingEvents()).events, 'ocds-test01');

  it('every release, the compiled release and both packages are valid', () => {
    expect(releases.map((r) => r.tag[0])).toEqual([
      'tender',
      'tenderUpdate',
      'tenderAmendment',
      'tenderUpdate',
      'tenderUpdate',
    ]);
    for (const release of releases) assertValidOcds('release', release);
    assertValidOcds('release', compileRelease(releases));
    assertValidOcds('releasePackage', releasePackage(releases, META));
    assertValidOcds('recordPackage', recordPackage(releases, META));
  });

  it('the award stage is valid: compliance, award, standstill, challenge, contract and its change', () => {
    const log = contractEvents(awardEvents(openingEvents(tenderingEvents())));
    const all = releasesOf(TENDER, log.events, 'ocds-test01');
    expect(all.at(-1)!.tag).toEqual(['contractAmendment']);
    for (const release of all) assertValidOcds('release', release, release.tag[0]);
    const compiled = compileRelease(all);
    assertValidOcds('release', compiled, 'compiled');
    expect(compiled.contracts![0].amendments![0].releaseID).toBe(all.at(-1)!.id);
    assertValidOcds('recordPackage', recordPackage(all, META));
  });

  it('a cancelled tender is valid too', () => {
    const log = tenderingEvents(new EventLog()).tender({
      type: 'TenderCancelled',
      data: { reason: 'Withdrawn', cancelledAt: '2025-03-12T09:00:00.000Z', stage: 'tendering' },
    });
    assertValidOcds('recordPackage', recordPackage(releasesOf(TENDER, log.events, 'ocds-t'), META));
  });

  it('a schema error fails with its path: a closed codelist, the bid extension, an open codelist', () => {
    const [release] = releases;
    const broken = { ...release, tender: { ...release.tender, status: 'open-for-bids' } };
    expect(() => assertValidOcds('release', broken)).toThrow(
      /\/tender\/status: must be equal to one of the allowed values/,
    );
    const badBid = {
      ...releases[4],
      bids: { ...releases[4].bids!, details: [{ id: 'b', status: 'opened' }] },
    };
    expect(() => assertValidOcds('release', badBid)).toThrow(/\/bids\/details\/0\/status/);
    const badRole = { ...release, parties: [{ id: 'x', roles: ['bidder'] }] };
    expect(() => assertValidOcds('release', badRole)).toThrow(/\/parties\/0\/roles/);
    expect(() =>
      assertValidOcds('releasePackage', { ...releasePackage([release], META), version: 1.1 }),
    ).toThrow(/\/version: must be string/);
  });
});
