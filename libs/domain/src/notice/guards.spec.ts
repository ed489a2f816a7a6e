import type { Actor } from '../shared/actor';
import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import type { NoticeEvent } from '../tender/events/notice';
import { tenderDecider } from './decide';
import {
  auditor,
  closedAtDeadline,
  drafted,
  foreignOfficer,
  NOW,
  officer,
  SUBMISSION_DEADLINE,
  supplier,
  tendering,
  terms,
} from '../testing/notice-fixtures';

/** Every command on an existing tender, as an officer would send it, by the stage it needs. */
const officerCommands = (actor: Actor): [NoticeCommand, NoticeEvent[]][] => [
  [{ type: 'ReviseDraft', actor, now: NOW, terms: terms() }, [drafted()]],
  [
    { type: 'PublishTender', actor, now: NOW, sealingKey: { keyId: 'k', wrappedKey: 'w' } },
    [drafted()],
  ],
  [{ type: 'AmendNotice', actor, now: NOW, changes: { title: 'New' }, reason: 'r' }, tendering()],
  [{ type: 'CancelTender', actor, now: NOW, reason: 'Budget withdrawn' }, tendering()],
  [{ type: 'AnswerClarification', actor, now: NOW, questionId: 'q1', answer: 'a' }, tendering()],
  [{ type: 'CloseTendering', actor, now: new Date(SUBMISSION_DEADLINE) }, tendering()],
  [
    { type: 'ConfirmBidOpening', actor, now: NOW, openingWindowMs: 1000, bidStreams: [] },
    [...tendering(), closedAtDeadline()],
  ],
];

describe('checks common to every command on an existing tender', () => {
  const everyCommand: NoticeCommand[] = [
    ...officerCommands(officer).map(([command]) => command),
    { type: 'AskClarification', actor: supplier, now: NOW, questionId: 'q1', question: 'Why?' },
  ];

  it.each(everyCommand.map((command) => [command.type, command]))(
    '%s on a tender never drafted is TENDER_NOT_FOUND',
    (_type, command) => {
      given(tenderDecider, []).when(command).thenFails('TENDER_NOT_FOUND');
    },
  );

  it.each(officerCommands(supplier).map(([command, history]) => [command.type, command, history]))(
    '%s by a supplier is ROLE_NOT_ALLOWED',
    (_type, command, history) => {
      given(tenderDecider, history)
        .when(command)
        .thenFails('ROLE_NOT_ALLOWED', { role: 'supplier', allowed: ['officer'] });
    },
  );

  it.each(officerCommands(auditor).map(([command, history]) => [command.type, command, history]))(
    '%s by an auditor is ROLE_NOT_ALLOWED',
    (_type, command, history) => {
      given(tenderDecider, history)
        .when(command)
        .thenFails('ROLE_NOT_ALLOWED', { role: 'auditor' });
    },
  );

  it.each(
    officerCommands(foreignOfficer).map(([command, history]) => [command.type, command, history]),
  )(
    '%s by an officer of another organisation is NOT_YOUR_ORGANISATION',
    (_type, command, history) => {
      given(tenderDecider, history).when(command).thenFails('NOT_YOUR_ORGANISATION');
    },
  );

  it('names the current stage in an ILLEGAL_STAGE message', () => {
    const error = given(tenderDecider, tendering())
      .when({
        type: 'PublishTender',
        actor: officer,
        now: NOW,
        sealingKey: { keyId: 'k', wrappedKey: 'w' },
      })
      .thenFails('ILLEGAL_STAGE', { stage: 'tendering', allowed: ['draft'] });
    expect(error.message).toContain('tendering');
    expect(error.kind).toBe('conflict');
  });
});
