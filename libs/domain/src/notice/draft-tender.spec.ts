import { given } from '../shared/testing';
import { tenderDecider } from './decide';
import {
  drafted,
  foreignOfficer,
  NOW,
  officer,
  supplier,
  TENDER_ID,
  tendering,
  terms,
} from '../testing/notice-fixtures';
import type { NoticeCommand } from './commands';
import type { NoticeTerms } from '../tender/terms';

const draft = (overrides: Partial<Extract<NoticeCommand, { type: 'DraftTender' }>> = {}) =>
  ({
    type: 'DraftTender',
    actor: officer,
    now: NOW,
    tenderId: TENDER_ID,
    terms: terms(),
    ...overrides,
  }) as NoticeCommand;

describe('DraftTender', () => {
  it('drafts a tender for the officer’s organisation', () => {
    given(tenderDecider, [])
      .when(draft())
      .then([
        {
          type: 'TenderDrafted',
          data: {
            tenderId: TENDER_ID,
            buyerOrganisationId: 'org-council',
            terms: terms(),
            draftedAt: '2025-03-03T09:00:00.000Z',
          },
        },
      ]);
  });

  it('accepts deadlines already past: they are checked against the clock only at publication', () => {
    const stale = terms({
      clarificationDeadline: '2025-01-01T00:00:00Z',
      submissionDeadline: '2025-01-02T00:00:00Z',
    });
    const [event] = given(tenderDecider, [])
      .when(draft({ terms: stale }))
      .then([
        {
          type: 'TenderDrafted',
          data: {
            tenderId: TENDER_ID,
            buyerOrganisationId: 'org-council',
            terms: stale,
            draftedAt: NOW.toISOString(),
          },
        },
      ]);
    expect(event.type).toBe('TenderDrafted');
  });

  it('refuses a tender id that already exists', () => {
    given(tenderDecider, [drafted()])
      .when(draft())
      .thenFails('TENDER_ALREADY_EXISTS', { tenderId: TENDER_ID });
  });

  it('refuses anyone but an officer', () => {
    given(tenderDecider, [])
      .when(draft({ actor: supplier }))
      .thenFails('ROLE_NOT_ALLOWED', { role: 'supplier', allowed: ['officer'] });
  });

  it('refuses a tender id that cannot be part of a stream name', () => {
    given(tenderDecider, [])
      .when(draft({ tenderId: 'a.b' }))
      .thenFails('INVALID_NOTICE', { field: 'tenderId' });
  });

  it('validates the terms', () => {
    const bad = terms({ minimumBids: 1 });
    given(tenderDecider, [])
      .when(draft({ terms: bad }))
      .thenFails('INVALID_NOTICE', { field: 'minimumBids' });
  });
});

describe('ReviseDraft', () => {
  const revised: NoticeTerms = terms({ title: 'Body-worn cameras and docks' });
  const revise = (actor = officer): NoticeCommand => ({
    type: 'ReviseDraft',
    actor,
    now: NOW,
    terms: revised,
  });

  it('replaces the draft terms', () => {
    given(tenderDecider, [drafted()])
      .when(revise())
      .then([{ type: 'DraftRevised', data: { terms: revised, revisedAt: NOW.toISOString() } }]);
  });

  it('is refused once published', () => {
    given(tenderDecider, tendering())
      .when(revise())
      .thenFails('ILLEGAL_STAGE', { stage: 'tendering', allowed: ['draft'] });
  });

  it('is refused to an officer of another organisation', () => {
    given(tenderDecider, [drafted()])
      .when(revise(foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
  });

  it('validates the revised terms', () => {
    const command: NoticeCommand = {
      type: 'ReviseDraft',
      actor: officer,
      now: NOW,
      terms: terms({ awardCriteria: [{ id: 'q', name: 'Quality', weight: 90, kind: 'quality' }] }),
    };
    given(tenderDecider, [drafted()])
      .when(command)
      .thenFails('CRITERIA_WEIGHTS_NOT_100', { sum: 90 });
  });
});
