import type { Actor } from '@fairtender/domain';

/**
 * The people of the demo and the tests. Three officers of one authority, so that opening (which needs
 * two) can be shown, and an award confirmed by an officer who neither proposed it nor moderated the
 * scores; an officer of another authority, who must not touch authority-1's tenders; three competing
 * suppliers; a panel of two evaluators, a third of the same authority who is not on it, and one of the
 * other authority; legal and oversight; the platform's operator.
 */
export const DEMO_USERS = [
  { userId: 'officer-alice', organisationId: 'authority-1', role: 'officer' },
  { userId: 'officer-bob', organisationId: 'authority-1', role: 'officer' },
  { userId: 'officer-carol', organisationId: 'authority-1', role: 'officer' },
  { userId: 'officer-oscar', organisationId: 'authority-2', role: 'officer' },
  { userId: 'supplier-acme', organisationId: 'acme', role: 'supplier' },
  { userId: 'supplier-birch', organisationId: 'birch', role: 'supplier' },
  { userId: 'supplier-cedar', organisationId: 'cedar', role: 'supplier' },
  { userId: 'evaluator-eve', organisationId: 'authority-1', role: 'evaluator' },
  { userId: 'evaluator-evan', organisationId: 'authority-1', role: 'evaluator' },
  { userId: 'evaluator-ella', organisationId: 'authority-1', role: 'evaluator' },
  { userId: 'evaluator-ezra', organisationId: 'authority-2', role: 'evaluator' },
  { userId: 'legal-lee', organisationId: 'authority-1', role: 'legal' },
  { userId: 'auditor-ada', organisationId: 'oversight', role: 'auditor' },
  { userId: 'operator-opal', organisationId: 'platform', role: 'operator' },
] as const satisfies readonly Actor[];

export type DemoUserId = (typeof DEMO_USERS)[number]['userId'];

export function findDemoUser(userId: string): Actor | undefined {
  return DEMO_USERS.find((user) => user.userId === userId);
}

/** A demo user by id, for tests: throws on a typo rather than returning undefined. */
export function demoUser(userId: DemoUserId): Actor {
  return findDemoUser(userId)!;
}
