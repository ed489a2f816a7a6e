import { scenario, SCENARIO_TIMES } from './scenario';

const ACME = 'org-acme';
const BETA = 'org-beta';
const PANEL = ['u-eva', 'u-evan', 'u-ewan'];

/** Published, two bids, closed and opened, a panel of three that scored and submitted. */
const evaluated = () => {
  const s = scenario().publish().bids(ACME, BETA).closed().opened().passed(ACME).passed(BETA, {
    price: 180_000,
  });
  s.panel(PANEL);
  PANEL.forEach((evaluatorId, i) => {
    for (const supplierId of [ACME, BETA]) {
      s.declared(evaluatorId, supplierId).scored(
        evaluatorId,
        supplierId,
        { quality: supplierId === ACME ? 8 : 6, social: 6 },
        { reviewer: i + 1 },
      );
    }
    s.submittedBy(evaluatorId);
  });
  return s;
};

describe('the scenario builder', () => {
  it('runs a tender from draft to a changed contract through the real deciders', () => {
    const s = evaluated()
      .awardProposed(ACME)
      .standstillEnded()
      .contractConcluded()
      .changed({ addedMonths: 3 });
    const types = s.events().map((event) => event.type);
    expect(types).toEqual([
      'TenderDrafted',
      'TenderPublished',
      'BidSealingKeyIssued',
      'BidSubmitted',
      'BidSubmitted',
      'TenderingClosed',
      'BidOpeningConfirmed',
      'BidsOpened',
      'BidComplianceRecorded',
      'BidComplianceRecorded',
      'EvaluationPanelAppointed',
      ...PANEL.map(() => 'PanelMembershipAccepted'),
      ...PANEL.flatMap(() => [
        'ConflictOfInterestDeclared',
        'BidScored',
        'BidScored',
        'ConflictOfInterestDeclared',
        'BidScored',
        'BidScored',
        'EvaluationSubmitted',
      ]),
      'AwardProposed',
      'AssessmentSummaryIssued',
      'AssessmentSummaryIssued',
      'StandstillStarted',
      'StandstillEnded',
      'ContractConcluded',
      'ContractChangeRequested',
      'ContractChangeApproved',
      'ContractChangeNoticePublished',
    ]);
    expect(s.view().tender.stage).toBe('contracted');
  });

  it('puts each event in its stream, with the actor who caused it', () => {
    const s = evaluated();
    const streams = (type: string) =>
      s
        .entries()
        .filter((entry) => entry.event.type === type)
        .map((entry) => [entry.streamName, entry.actor.userId]);
    expect(streams('BidSubmitted')).toEqual([
      ['tender-t-cameras.bid-org-acme', 'u-org-acme'],
      ['tender-t-cameras.bid-org-beta', 'u-org-beta'],
    ]);
    expect(streams('EvaluationSubmitted')).toEqual(
      PANEL.map((id) => [`tender-t-cameras.evaluator-${id}`, id]),
    );
    expect(streams('BidsOpened')).toEqual([['tender-t-cameras', 'u-bob']]);
    expect(s.entries().map((entry) => entry.kind)).toContain('evaluator');
  });

  it('anchors each bid stream at its head when the bids are opened', () => {
    const s = scenario()
      .publish()
      .bid(ACME)
      .revise(ACME, { contentHash: 'e'.repeat(64) })
      .bid(BETA);
    s.closed().opened();
    const opened = s.events().find((event) => event.type === 'BidsOpened');
    expect(opened?.data).toMatchObject({
      openedAt: SCENARIO_TIMES.opened,
      officerIds: ['u-alice', 'u-bob'],
      bidStreams: [
        { supplierId: ACME, revision: 1, hash: 'f'.repeat(64) },
        { supplierId: BETA, revision: 0 },
      ],
    });
  });

  it('takes the time of a step, of the clock, or of the stage', () => {
    const s = scenario({ times: { drafted: '2025-02-01T09:00:00.000Z' } })
      .draft()
      .publish({ at: '2025-03-04T09:00:00.000Z' })
      .at('2025-03-05T10:00:00.000Z')
      .bid(ACME)
      .at()
      .bid(BETA);
    const [drafted, published, , acme, beta] = s.events() as { data: Record<string, unknown> }[];
    expect(drafted.data.draftedAt).toBe('2025-02-01T09:00:00.000Z');
    expect(published.data.publishedAt).toBe('2025-03-04T09:00:00.000Z');
    expect(acme.data.receivedAt).toBe('2025-03-05T10:00:00.000Z');
    expect(beta.data.receivedAt).toBe(SCENARIO_TIMES.published);
  });

  it('refuses a step the rules refuse, naming it', () => {
    expect(() => scenario().publish().bid(ACME).opened()).toThrow(
      /Scenario step ConfirmBidOpening was refused \(ILLEGAL_STAGE\)/,
    );
    expect(() => scenario().publish().bid(ACME, { at: '2025-04-01T00:00:00.000Z' })).toThrow(
      /SubmitBid was refused \(LATE_BID\)/,
    );
  });

  it('goes through a challenge upheld for re-evaluation', () => {
    const s = evaluated()
      .awardProposed(ACME)
      .challengeLodged(BETA)
      .challengeResolved('upheld', { remedy: 're-evaluate' });
    expect(
      s
        .events()
        .slice(-4)
        .map((event) => event.type),
    ).toEqual(['ChallengeLodged', 'AwardSuspended', 'ChallengeResolved', 'EvaluationReopened']);
    expect(s.entries().at(-4)?.actor.userId).toBe('u-org-beta');
  });

  it('asks and answers clarifications, and closes their period at its deadline', () => {
    const s = scenario().publish().ask(BETA).answer('q1').clarificationsClosed();
    expect(s.events().slice(-3)).toEqual([
      {
        type: 'ClarificationRequested',
        data: expect.objectContaining({ questionId: 'q1', supplierId: BETA }),
      },
      { type: 'ClarificationAnswered', data: expect.objectContaining({ questionId: 'q1' }) },
      {
        type: 'ClarificationPeriodClosed',
        data: expect.objectContaining({ unansweredQuestions: 0 }),
      },
    ]);
  });
});
