import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import { after, inStandstill } from '../testing/evaluation-fixtures';
import { foreignOfficer, officer, secondOfficer, supplier } from '../testing/notice-fixtures';
import type { ContractCommand } from './commands';
import { contractDecider } from './decide';
import type { AuditPlan, ChangeRedFlag, ContractChange } from '../tender/events/contract';
import { DEFAULT_CHANGE_THRESHOLDS } from './thresholds';

const REQUESTED_AT = '2026-03-02T09:00:00.000Z';
const APPROVED_AT = '2026-03-04T14:00:00.000Z';
const conclude = (endDate = '2026-04-30'): ContractCommand => ({
  type: 'ConcludeContract',
  actor: officer,
  now: new Date('2025-04-28T09:00:00.000Z'),
  contractId: 'c-1',
  value: { amount: 200_000, currency: 'GBP' },
  period: { startDate: '2025-05-01', endDate },
});
function planFor(changeId: string): AuditPlan {
  return {
    oversightBodyId: 'org-oversight',
    publicationUrl: 'https://oversight.example/reports',
    checkpoints: [
      { checkpointId: `cp-${changeId}`, dueDate: '2026-10-31', description: 'Mid-term review' },
    ],
    kpiIds: [],
  };
}
/** The seeds' model case: the 12-month pilot extended by another 12 months. */
const extension: ContractChange = {
  changeId: 'chg-1',
  kind: 'extension',
  description: 'Extend the pilot by 12 months',
  justification: 'The force needs the cameras until the national framework is in place',
  addedValue: { amount: 15_000, currency: 'GBP' },
  addedMonths: 12,
  // Issue 15: a basis under s.74 (a Schedule 8 ground; 7.5 % added value is within its 50 % cap)
  // and an audit plan, with a checkpoint id of its own per change.
  basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
  auditPlan: planFor('chg-1'),
};
const request = (change: Partial<ContractChange> = {}, actor = officer): ContractCommand => ({
  type: 'RequestContractChange',
  actor,
  now: new Date(REQUESTED_AT),
  change: { ...extension, auditPlan: planFor(change.changeId ?? extension.changeId), ...change },
});
const approve = (changeId = 'chg-1', actor = secondOfficer): ContractCommand => ({
  type: 'ApproveContractChange',
  actor,
  now: new Date(APPROVED_AT),
  changeId,
  thresholds: DEFAULT_CHANGE_THRESHOLDS,
});
const contracted = (endDate?: string) => after(contractDecider, inStandstill(), conclude(endDate));
/** Requests and approves each change in turn. */
const changed = (history: TenderViewEvent[], ...changes: Partial<ContractChange>[]) =>
  changes.reduce<TenderViewEvent[]>(
    (events, change) => after(contractDecider, events, request(change), approve(change.changeId)),
    history,
  );
const flagsOf = (events: TenderViewEvent[]) =>
  (events[0].data as { redFlags: ChangeRedFlag[] }).redFlags.map(({ code, actual }) => ({
    code,
    actual,
  }));

describe('RequestContractChange (rule 8)', () => {
  it('records the change with its justification', () => {
    given(contractDecider, contracted())
      .when(request({ description: '  Extend the pilot by 12 months ' }))
      .then([
        {
          type: 'ContractChangeRequested',
          data: { ...extension, requestedBy: officer.userId, requestedAt: REQUESTED_AT },
        },
      ]);
  });

  it('needs a justification: CHANGE_UNJUSTIFIED', () => {
    given(contractDecider, contracted())
      .when(request({ justification: 'Needed.' }))
      .thenFails('CHANGE_UNJUSTIFIED', { changeId: 'chg-1' });
    given(contractDecider, contracted())
      .when(request({ justification: 'As agreed by the panel at the review meeting.' }))
      .thenFails('CHANGE_UNJUSTIFIED', { changeId: 'chg-1', problem: 'too_few_content_words' });
  });

  it.each([
    ['an unknown kind', { kind: 'renewal' as never }],
    ['no description', { description: '  ' }],
    ['another currency', { addedValue: { amount: 15_000, currency: 'EUR' } }],
    ['part of a month', { addedMonths: 1.5 }],
    ['negative months', { kind: 'modification' as const, addedMonths: -1 }],
    ['an extension adding no time', { addedMonths: 0 }],
    [
      'a reduction to nothing',
      {
        kind: 'modification' as const,
        addedMonths: 0,
        addedValue: { amount: -200_000, currency: 'GBP' },
      },
    ],
  ])('refuses %s: INVALID_CHANGE', (_case, change) => {
    given(contractDecider, contracted()).when(request(change)).thenFails('INVALID_CHANGE');
  });

  it('the same request again records nothing; its id for another change is refused: CHANGE_ID_REUSED', () => {
    const requested = after(contractDecider, contracted(), request());
    given(contractDecider, requested).when(request()).then([]);
    given(contractDecider, requested)
      .when(request({ addedMonths: 24 }))
      .thenFails('CHANGE_ID_REUSED', { changeId: 'chg-1' });
  });

  it('is for officers of the buyer, once the contract is concluded', () => {
    given(contractDecider, contracted()).when(request({}, supplier)).thenFails('ROLE_NOT_ALLOWED');
    given(contractDecider, contracted())
      .when(request({}, foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(contractDecider, inStandstill())
      .when(request())
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill', allowed: ['contracted'] });
  });
});

describe('ApproveContractChange (rule 8)', () => {
  const requested = after(contractDecider, contracted(), request());

  it('another officer approves; the change notice is published; the 12-month extension is red-flagged CHANGE_TIME', () => {
    const flag: ChangeRedFlag = {
      code: 'CHANGE_TIME',
      message: 'Changes have added 12 months to the contract period; more than 6 is flagged',
      threshold: 6,
      actual: 12,
    };
    given(contractDecider, requested)
      .when(approve())
      .then([
        {
          type: 'ContractChangeApproved',
          data: {
            changeId: 'chg-1',
            approvedBy: secondOfficer.userId,
            approvedAt: APPROVED_AT,
            redFlags: [flag],
          },
        },
        {
          type: 'ContractChangeNoticePublished',
          data: {
            ...extension,
            changeNumber: 1,
            value: { amount: 215_000, currency: 'GBP' },
            period: { startDate: '2025-05-01', endDate: '2027-04-30' },
            redFlags: [flag],
            publishedAt: APPROVED_AT,
          },
        },
      ]);
  });

  it('the requester cannot approve: APPROVER_IS_REQUESTER', () => {
    given(contractDecider, requested)
      .when(approve('chg-1', officer))
      .thenFails('APPROVER_IS_REQUESTER', { changeId: 'chg-1', requestedBy: officer.userId });
  });

  it('refuses an unknown change: CHANGE_NOT_FOUND', () => {
    given(contractDecider, requested)
      .when(approve('chg-9'))
      .thenFails('CHANGE_NOT_FOUND', { changeId: 'chg-9' });
  });

  it('refuses a change approved already: CHANGE_ALREADY_APPROVED', () => {
    given(contractDecider, after(contractDecider, requested, approve()))
      .when(approve())
      .thenFails('CHANGE_ALREADY_APPROVED', { changeId: 'chg-1' });
  });

  it('is for officers of the buyer', () => {
    given(contractDecider, requested)
      .when(approve('chg-1', foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(contractDecider, requested)
      .when(approve('chg-1', supplier))
      .thenFails('ROLE_NOT_ALLOWED');
  });

  it('a small change is not flagged', () => {
    const small = {
      changeId: 'chg-1',
      kind: 'modification' as const,
      addedMonths: 0,
      addedValue: { amount: 20_000, currency: 'GBP' },
    };
    const events = after(contractDecider, contracted(), request(small));
    expect(
      flagsOf(contractDecider.decide(approve(), given(contractDecider, events).state())),
    ).toEqual([]);
  });

  it('flags added value past 10 % of the original value, cumulatively: CHANGE_VALUE', () => {
    const first = {
      changeId: 'chg-1',
      kind: 'modification' as const,
      addedMonths: 0,
      addedValue: { amount: 15_000, currency: 'GBP' },
    };
    const second = { ...first, changeId: 'chg-2', addedValue: { amount: 10_000, currency: 'GBP' } };
    const history = after(contractDecider, changed(contracted(), first), request(second));
    const events = contractDecider.decide(
      approve('chg-2'),
      given(contractDecider, history).state(),
    );
    expect(flagsOf(events)).toEqual([{ code: 'CHANGE_VALUE', actual: 12.5 }]);
    expect(events[1].data).toMatchObject({
      changeNumber: 2,
      value: { amount: 225_000, currency: 'GBP' },
    });
  });

  it('flags added time past 6 months, cumulatively: CHANGE_TIME', () => {
    const first = { changeId: 'chg-1', addedMonths: 4, addedValue: { amount: 0, currency: 'GBP' } };
    const second = { ...first, changeId: 'chg-2', addedMonths: 3 };
    const history = after(contractDecider, changed(contracted(), first), request(second));
    const events = contractDecider.decide(
      approve('chg-2'),
      given(contractDecider, history).state(),
    );
    expect(flagsOf(events)).toEqual([{ code: 'CHANGE_TIME', actual: 7 }]);
    expect(events[1].data).toMatchObject({
      period: { startDate: '2025-05-01', endDate: '2026-11-30' },
    });
  });

  it('flags more than 2 changes: CHANGE_COUNT', () => {
    const small = (changeId: string) => ({
      changeId,
      kind: 'modification' as const,
      addedMonths: 0,
      addedValue: { amount: 1_000, currency: 'GBP' },
    });
    const history = after(
      contractDecider,
      changed(contracted(), small('chg-1'), small('chg-2')),
      request(small('chg-3')),
    );
    expect(
      flagsOf(contractDecider.decide(approve('chg-3'), given(contractDecider, history).state())),
    ).toEqual([{ code: 'CHANGE_COUNT', actual: 3 }]);
  });

  it('clamps the new end date to the end of a shorter month', () => {
    const history = after(contractDecider, contracted('2025-08-31'), request({ addedMonths: 6 }));
    const [, notice] = contractDecider.decide(approve(), given(contractDecider, history).state());
    expect(notice.data).toMatchObject({
      period: { startDate: '2025-05-01', endDate: '2026-02-28' },
    });
  });

  it('keeps a period that ends on a month’s last day ending on the last day of the new month', () => {
    const endDateAfter = (endDate: string, addedMonths: number) => {
      const history = after(contractDecider, contracted(endDate), request({ addedMonths }));
      const [, notice] = contractDecider.decide(approve(), given(contractDecider, history).state());
      return (notice.data as { period: { endDate: string } }).period.endDate;
    };
    expect(endDateAfter('2026-04-30', 4)).toBe('2026-08-31');
    expect(endDateAfter('2026-02-28', 1)).toBe('2026-03-31');
    expect(endDateAfter('2026-04-30', 12)).toBe('2027-04-30');
    expect(endDateAfter('2026-01-15', 1)).toBe('2026-02-15');
    expect(endDateAfter('2026-01-30', 1)).toBe('2026-02-28');
  });
});
