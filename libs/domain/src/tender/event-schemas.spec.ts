import {
  currentVersion,
  EVENT_VERSIONS,
  upcast,
  upcastWith,
  type EventSchemas,
} from './event-schemas';

describe('event schemas', () => {
  it('knows every event type, at version 1 but for the panel appointment and the bid events with documents by reference (v2)', () => {
    expect(Object.keys(EVENT_VERSIONS).sort()).toEqual(
      [
        'AccessRefused',
        'AccessRefusalsRepeated',
        'ProcurementOpened',
        'ProcurementPlanRevised',
        'StrategyApproved',
        'EngagementNoticePublished',
        'SupplierEngagementRecorded',
        'EngagementMaterialShared',
        'ConflictsAssessmentRevised',
        'TransparencyNoticePublished',
        'BidOpeningConfirmed',
        'BidReconfirmed',
        'BidRevised',
        'BidSealingKeyIssued',
        'BidSubmitted',
        'BidWithdrawn',
        'BidsOpened',
        'ClarificationAnswered',
        'ClarificationPeriodClosed',
        'ClarificationRequested',
        'DraftRevised',
        'LateBidRefused',
        'NoticeAmended',
        'SealedContentReadRefused',
        'TenderCancelled',
        'TenderDrafted',
        'TenderPublished',
        'TenderingClosed',
        'TenderHistoryViewed',
        'TenderStateViewed',
        'TenderIntegrityVerified',
        'EvidenceBundleExported',
        'EvidenceLinkIssued',
        'EvidencePageViewed',
        'BidComplianceRecorded',
        'EvaluationPanelAppointed',
        'PanelMembershipAccepted',
        'ScoreModerated',
        'ScoreModerationRequested',
        'ScoreModerationConfirmed',
        'EvaluationReopened',
        'ConflictOfInterestDeclared',
        'BidScored',
        'EvaluationSubmitted',
        'AwardConfirmationRequested',
        'AwardProposed',
        'AssessmentSummaryIssued',
        'StandstillStarted',
        'StandstillEnded',
        'TenderDeclaredUnsuccessful',
        'ChallengeLodged',
        'AwardSuspended',
        'ChallengeResolved',
        'AwardSuspensionLifted',
        'ContractConcluded',
        'ContractChangeRequested',
        'ContractChangeApproved',
        'ContractChangeNoticePublished',
        'ContractChangeTookEffect',
        'PerformanceAssessed',
        'ContractPerformanceNoticePublished',
        'PerformanceAssessmentOverdue',
        'OversightReviewRecorded',
        'AuditCheckpointMissed',
        'ContractTerminated',
        'ContractTerminationNoticePublished',
      ].sort(),
    );
    const later = Object.entries(EVENT_VERSIONS).filter(([, version]) => version !== 1);
    expect(Object.fromEntries(later)).toEqual({
      BidSubmitted: 2,
      BidRevised: 2,
      EvaluationPanelAppointed: 2,
      ContractConcluded: 2,
      ContractChangeRequested: 2,
    });
  });

  it('reads a v1 panel appointment as one that bound its members without acceptance', () => {
    const v1 = { evaluatorIds: ['u-eva'], appointedAt: 'x', appointedBy: 'u-alice', round: 1 };
    expect(upcast('EvaluationPanelAppointed', 1, v1)).toEqual({
      type: 'EvaluationPanelAppointed',
      data: { ...v1, acceptanceRequired: false },
    });
    const v2 = { ...v1, acceptanceRequired: true };
    expect(upcast('EvaluationPanelAppointed', 2, v2).data).toEqual(v2);
  });

  it.each(['BidSubmitted', 'BidRevised'])(
    'upcasts a v1 %s (documents inline in the sealed content) to v2 with no uploaded documents',
    (type) => {
      const stored = { tenderId: 't', supplierId: 's', contentHash: 'h', sealed: { keyId: 'k' } };
      expect(upcast(type, 1, stored)).toEqual({ type, data: { ...stored, documents: [] } });
      expect(stored).not.toHaveProperty('documents');
    },
  );

  it('gives the current version of a type and refuses an unknown one', () => {
    expect(currentVersion('BidWithdrawn')).toBe(1);
    expect(currentVersion('BidSubmitted')).toBe(2);
    expect(() => currentVersion('BidSubmited')).toThrow("Unknown event type 'BidSubmited'");
    expect(() => currentVersion('toString')).toThrow('Unknown event type');
  });

  it('returns current-version data unchanged', () => {
    const data = { questionId: 'q1', answer: 'Yes', answeredAt: '2025-03-04T10:00:00.000Z' };
    expect(upcast('ClarificationAnswered', 1, data)).toEqual({
      type: 'ClarificationAnswered',
      data,
    });
  });

  it('refuses a version newer than the code', () => {
    expect(() => upcast('BidSubmitted', 3, {})).toThrow(
      'BidSubmitted v3 is newer than this code understands (v2)',
    );
    expect(() => upcast('BidSubmitted', 0, {})).toThrow('invalid schema version 0');
  });

  it('passes events of types it does not know through, for evolve to ignore', () => {
    expect(upcast('EvaluatorAppointed', 3, { x: 1 })).toEqual({
      type: 'EvaluatorAppointed',
      data: { x: 1 },
    });
  });

  describe('with upcasters registered', () => {
    // A fake history: v1 had `price` in pence, v2 a Money object, v3 added `currencyChecked`.
    const schemas: EventSchemas = {
      versions: { PriceQuoted: 3 },
      upcasters: {
        PriceQuoted: {
          1: (data) => {
            const { pence } = data as { pence: number };
            return { price: { amount: pence / 100, currency: 'GBP' } };
          },
          2: (data) => ({ ...(data as object), currencyChecked: false }),
        },
      },
    };

    it('chains upcasters from the stored version to the current one', () => {
      expect(upcastWith(schemas, 'PriceQuoted', 1, { pence: 12_345 })).toEqual({
        type: 'PriceQuoted',
        data: { price: { amount: 123.45, currency: 'GBP' }, currencyChecked: false },
      });
      expect(
        upcastWith(schemas, 'PriceQuoted', 2, { price: { amount: 1, currency: 'EUR' } }),
      ).toEqual({
        type: 'PriceQuoted',
        data: { price: { amount: 1, currency: 'EUR' }, currencyChecked: false },
      });
    });

    it('does not modify the stored data', () => {
      const stored = Object.freeze({ price: { amount: 1, currency: 'EUR' } });
      upcastWith(schemas, 'PriceQuoted', 2, stored);
      expect(stored).toEqual({ price: { amount: 1, currency: 'EUR' } });
    });

    it('refuses a gap in the chain', () => {
      const gap: EventSchemas = {
        versions: { PriceQuoted: 3 },
        upcasters: { PriceQuoted: { 1: (d) => d } },
      };
      expect(() => upcastWith(gap, 'PriceQuoted', 1, {})).toThrow(
        'No upcaster registered for PriceQuoted v2 → v3',
      );
    });
  });
});
