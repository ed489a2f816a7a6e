/**
 * What a bearer token may carry. `system` is deliberately absent: no token can claim it. `operator`
 * runs the platform (queue dashboard, metrics), acts in no tender and may call no command.
 */
export const ROLES = ['supplier', 'officer', 'evaluator', 'legal', 'auditor', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a user, acting for an organisation, in one role. Stamped on every event. */
export interface Actor {
  userId: string;
  organisationId: string;
  role: Role;
}

/** The role of the platform itself acting on a rule (a deadline), never of a person. */
export const SYSTEM_ROLE = 'system';

/**
 * The platform acting on its own rules: the scheduler closing tendering at the deadline. Only server
 * code can make one (tokens are checked against ROLES), and only the commands that accept it say so.
 */
export interface SystemActor {
  userId: string;
  organisationId: string;
  role: typeof SYSTEM_ROLE;
}

/** Whoever may issue a command that a deadline can also trigger. */
export type CommandActor = Actor | SystemActor;

export const SCHEDULER_ACTOR: SystemActor = Object.freeze({
  userId: 'scheduler',
  organisationId: 'fairtender',
  role: SYSTEM_ROLE,
});

export function isSystemActor(actor: CommandActor): actor is SystemActor {
  return actor.role === SYSTEM_ROLE;
}
