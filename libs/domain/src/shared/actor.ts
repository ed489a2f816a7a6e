export const ROLES = ['supplier', 'officer', 'evaluator', 'legal', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a user, acting for an organisation, in one role. Stamped on every event. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
}
