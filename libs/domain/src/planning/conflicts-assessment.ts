import { DomainError } from '../shared/domain-error';
import {
  CONFLICT_CAPACITIES,
  type ConflictDeclaration,
  type ConflictsAssessmentRevised,
} from '../tender/events/planning';
import type { TenderState } from '../tender/state';
import type { Command } from './commands';
import { requirePlanning } from './guards';
import { requireSubstantive } from './validate-plan';

const problem = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(
    'INVALID_CONFLICTS_ASSESSMENT',
    `Invalid conflicts assessment: ${message}`,
    details,
  );

/**
 * A revision of the conflicts assessment (PA 2023 s.83): every person acting in the procurement with
 * their declaration; a declared conflict names the steps taken to mitigate it (s.82). Each revision is
 * the whole assessment and is kept; whether it covers everyone acting is checked at publication.
 */
export function reviseConflictsAssessment(
  command: Command<'ReviseConflictsAssessment'>,
  state: TenderState,
): [ConflictsAssessmentRevised] {
  const tender = requirePlanning(state, command.actor, 'revise the conflicts assessment');
  const { persons } = command;
  if (!Array.isArray(persons) || persons.length === 0) throw problem('name the persons acting');
  const seen = new Set<string>();
  const checked: ConflictDeclaration[] = persons.map((person, index) => {
    if (typeof person?.userId !== 'string' || person.userId.trim() === '') {
      throw problem(`persons[${index}] needs a userId`, { field: `persons[${index}].userId` });
    }
    if (seen.has(person.userId)) {
      throw problem(`${person.userId} appears twice`, { field: `persons[${index}].userId` });
    }
    seen.add(person.userId);
    if (!(CONFLICT_CAPACITIES as readonly string[]).includes(person.capacity)) {
      throw problem(`capacity must be one of ${CONFLICT_CAPACITIES.join(', ')}`, {
        field: `persons[${index}].capacity`,
      });
    }
    if (typeof person.conflict !== 'boolean') {
      throw problem('each person declares whether they have a conflict', {
        field: `persons[${index}].conflict`,
      });
    }
    if (typeof person.declaration !== 'string' || person.declaration.trim().length < 10) {
      throw problem('each declaration says what was declared', {
        field: `persons[${index}].declaration`,
      });
    }
    if (
      person.conflict &&
      (typeof person.mitigation !== 'string' || person.mitigation.trim() === '')
    ) {
      throw problem(
        `${person.userId} declares a conflict: the mitigation must be recorded (s.82)`,
        {
          field: `persons[${index}].mitigation`,
        },
      );
    }
    return {
      userId: person.userId,
      capacity: person.capacity,
      conflict: person.conflict,
      declaration: person.declaration.trim(),
      ...(person.mitigation ? { mitigation: person.mitigation.trim() } : {}),
    };
  });
  const latest = tender.planning.conflicts.at(-1);
  return [
    {
      type: 'ConflictsAssessmentRevised',
      data: {
        revision: (latest?.revision ?? 0) + 1,
        persons: checked,
        reason: requireSubstantive(command.reason, 'reason'),
        revisedBy: command.actor.userId,
        revisedAt: command.now.toISOString(),
      },
    },
  ];
}
