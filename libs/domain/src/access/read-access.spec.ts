import { isDomainError } from '../shared/domain-error';
import type { Actor } from '../shared/actor';
import {
  ACME,
  BETA,
  declared,
  EVA,
  evaluator,
  foreignLegal,
  legal,
  openedWith,
  panelAccepted,
  panelAppointed,
  panelSeated,
  passed,
  viewOf,
} from '../testing/evaluation-fixtures';
import {
  auditor,
  drafted,
  foreignOfficer,
  officer,
  supplier,
  TENDER_ID,
} from '../testing/notice-fixtures';
import type { TenderViewEvent } from '../tender/tender-view';
import type { ExistingTender } from '../tender/guards';
import {
  isHiddenFrom,
  requireBidContentReader,
  requireBuyerUser,
  requireRecordReader,
  readsEveryScore,
  requireVisibleTender,
} from './read-access';

const codeOf = (read: () => void): string | null => {
  try {
    read();
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code;
  }
};
const foreignEvaluator: Actor = { ...evaluator('u-ezra'), organisationId: 'org-elsewhere' };
const foreignAuditor: Actor = { ...auditor, organisationId: 'org-audit-scotland' };

describe('read access (issue 12 findings 4 and 8, issue 17 finding 5)', () => {
  describe('a draft shows to its buyer and oversight only, as an unknown id to anyone else', () => {
    const draft = viewOf([drafted()]).tender;

    it.each([
      ['another authority’s officer', foreignOfficer],
      ['a supplier', supplier],
      ['another authority’s evaluator', foreignEvaluator],
      ['another authority’s legal', foreignLegal],
    ])('%s: TENDER_NOT_FOUND, the same as for no tender at all', (_who, actor) => {
      expect(isHiddenFrom(draft, actor)).toBe(true);
      expect(codeOf(() => requireVisibleTender(draft, TENDER_ID, actor))).toBe('TENDER_NOT_FOUND');
      expect(codeOf(() => requireRecordReader(draft, TENDER_ID, actor))).toBe('TENDER_NOT_FOUND');
      expect(codeOf(() => requireVisibleTender(viewOf([]).tender, TENDER_ID, actor))).toBe(
        'TENDER_NOT_FOUND',
      );
    });

    it.each([
      ['its officer', officer],
      ['its legal', legal],
      ['an evaluator of the buyer', evaluator(EVA)],
      ['oversight of any organisation', foreignAuditor],
    ])('%s sees it', (_who, actor) => {
      expect(isHiddenFrom(draft, actor)).toBe(false);
    });

    it('a published tender is no secret: another authority is refused by name, NOT_YOUR_ORGANISATION', () => {
      const live = viewOf(openedWith()).tender;
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, foreignOfficer))).toBe(
        'NOT_YOUR_ORGANISATION',
      );
    });
  });

  describe('the record (scores, ranking, integrity, challenges, replay)', () => {
    const live = viewOf(openedWith()).tender;

    it('legal reads its own authority’s tenders only; oversight reads every authority’s', () => {
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, legal))).toBeNull();
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, foreignLegal))).toBe(
        'NOT_YOUR_ORGANISATION',
      );
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, foreignAuditor))).toBeNull();
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, officer))).toBeNull();
    });

    it('is not for suppliers or evaluators: ROLE_NOT_ALLOWED', () => {
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, supplier))).toBe('ROLE_NOT_ALLOWED');
      expect(codeOf(() => requireRecordReader(live, TENDER_ID, evaluator(EVA)))).toBe(
        'ROLE_NOT_ALLOWED',
      );
    });
  });

  describe('an opened bid’s content', () => {
    const opened = [...openedWith([ACME, BETA]), passed(ACME), passed(BETA)];
    const read = (history: TenderViewEvent[], actor: Actor, supplierId = ACME) => {
      const view = viewOf(history);
      return codeOf(() => {
        requireBuyerUser(view.tender, TENDER_ID, actor, ['officer', 'evaluator']);
        requireBidContentReader(
          view.tender as ExistingTender,
          supplierId,
          actor,
          view.sheets[actor.userId],
        );
      });
    };

    it('officers of the buyer read every bid', () => {
      expect(read(opened, officer)).toBeNull();
    });

    it('a panel member reads the bids it is not conflicted from', () => {
      const seated = [...opened, ...panelSeated(), declared(EVA, BETA)];
      expect(read(seated, evaluator(EVA), ACME)).toBeNull();
      expect(read(seated, evaluator(EVA), BETA)).toBeNull();
    });

    it('a panel member who declared a conflict with the supplier: CONFLICTED_FROM_BID', () => {
      const conflicted = [...opened, ...panelSeated(), declared(EVA, ACME, true)];
      expect(read(conflicted, evaluator(EVA), ACME)).toBe('CONFLICTED_FROM_BID');
      expect(read(conflicted, evaluator(EVA), BETA)).toBeNull();
    });

    it('an evaluator of the buyer not on the panel: NOT_ON_PANEL; appointed but not accepted: PANEL_MEMBERSHIP_NOT_ACCEPTED', () => {
      expect(read([...opened, ...panelSeated()], evaluator('u-ella'))).toBe('NOT_ON_PANEL');
      expect(read(opened, evaluator(EVA))).toBe('NOT_ON_PANEL');
      expect(read([...opened, panelAppointed(), panelAccepted('u-evan')], evaluator(EVA))).toBe(
        'PANEL_MEMBERSHIP_NOT_ACCEPTED',
      );
    });

    it('anyone outside the buyer: NOT_YOUR_ORGANISATION; other roles: ROLE_NOT_ALLOWED', () => {
      const seated = [...opened, ...panelSeated()];
      expect(read(seated, foreignOfficer)).toBe('NOT_YOUR_ORGANISATION');
      expect(read(seated, { ...evaluator(EVA), organisationId: 'org-elsewhere' })).toBe(
        'NOT_YOUR_ORGANISATION',
      );
      expect(read(seated, legal)).toBe('ROLE_NOT_ALLOWED');
      expect(read(seated, auditor)).toBe('ROLE_NOT_ALLOWED');
      expect(read(seated, supplier)).toBe('ROLE_NOT_ALLOWED');
    });
  });
});

describe('readsEveryScore', () => {
  it('legal and oversight read every recorded score; officers, evaluators and suppliers do not', () => {
    const as = (role: Actor['role']): Actor => ({ userId: 'u-1', organisationId: 'org-1', role });
    expect(readsEveryScore(as('legal'))).toBe(true);
    expect(readsEveryScore(as('auditor'))).toBe(true);
    expect(readsEveryScore(as('officer'))).toBe(false);
    expect(readsEveryScore(as('evaluator'))).toBe(false);
    expect(readsEveryScore(as('supplier'))).toBe(false);
  });
});
