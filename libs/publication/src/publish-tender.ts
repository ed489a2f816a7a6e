import { evolvePublication, type PublicationEvent } from './evolve-publication';
import type { OcdsRelease, ReleaseBody } from './ocds-types';
import { ocidOf, publishRelease } from './packages';
import type { PublicationState } from './publication-state';

/** Every release of one tender, folded from its events in global order (what the projection stores). */
export function releaseBodiesOf(events: Iterable<PublicationEvent>): {
  state: PublicationState | undefined;
  releases: ReleaseBody[];
} {
  let state: PublicationState | undefined;
  const releases: ReleaseBody[] = [];
  for (const event of events) {
    const step = evolvePublication(state, event);
    state = step.state;
    if (step.release) releases.push(step.release);
  }
  return { state, releases };
}

/** The same releases as published under `ocidPrefix`. */
export function releasesOf(
  tenderId: string,
  events: Iterable<PublicationEvent>,
  ocidPrefix: string,
): OcdsRelease[] {
  const ocid = ocidOf(ocidPrefix, tenderId);
  return releaseBodiesOf(events).releases.map((body) => publishRelease(body, ocid));
}
