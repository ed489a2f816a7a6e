/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import type { Browser, Page } from 'playwright-core';
import { auditStream } from '@fairtender/legal';
import {
  PANEL,
  PRICES,
  REASONED_EXCLUSION,
  SUPPLIER_USERS,
  declareAndScore,
  expectStatus,
  openedTenderOnPostgres,
  seatPanel,
  submit,
} from '../award/award-fixtures';

const NOT_TOP =
  'Birch alone can deliver before the storage contract lapses in June; Acme needs nine months more.';
import { bidBody, noticeTerms } from '../support/tender-fixtures';
import { artifactPath, browserSkipReason, launchChromium } from './browser';

const skipReason = browserSkipReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/**
 * The pages a lawyer or auditor opens without a header tool (issue 16 point 6), in a real headless
 * Chromium: a signed link from the API, the timeline read as a legal record, the integrity page's
 * pictures, refused links, and every issue and view on the record. Screenshots go to test-artifacts/pages.
 */
describeInBrowser(skipReason ?? 'Browser pages through signed links (Chromium, PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_pages');
  let browser: Browser;
  let sealedTenderId: string;
  /** Requests the pages made, beyond the page itself: a self-contained page makes none. */
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const { api, tenderId } = suite;
    // Birch, ranked second, is awarded with a reason and a second officer's confirmation: the
    // integrity page then has a red flag (FT-WINNER-NOT-TOP-RANKED) with its evidence to show.
    const alice = api.as('officer-alice');
    const base = `/tenders/${tenderId}`;
    for (const supplierId of ['acme', 'birch'])
      expectStatus(
        await alice.post(`${base}/compliance/${supplierId}`, { decision: 'passed' }),
        200,
      );
    expectStatus(await alice.post(`${base}/compliance/cedar`, REASONED_EXCLUSION), 200);
    await seatPanel(api, tenderId);
    for (const evaluator of PANEL) {
      await declareAndScore(api, tenderId, evaluator, {
        acme: { quality: 8, 'social-value': 6 },
        birch: { quality: 6, 'social-value': 6 },
      });
      await submit(api, tenderId, evaluator);
    }
    expectStatus(
      await alice.post(`${base}/award`, { supplierId: 'birch', justification: NOT_TOP }),
      200,
    );
    const award = expectStatus(await api.as('officer-bob').post(`${base}/award/confirmation`), 200);
    // The integrity page reads the projection: wait until it has the award.
    expectStatus(
      await api
        .as('auditor-ada')
        .get(`/tenders/${tenderId}/integrity`, { 'x-min-position': award.position }),
      200,
    );
    // A second tender whose bid is still sealed.
    const drafted = expectStatus(await alice.post('/tenders', noticeTerms(api.clock.now())), 201);
    sealedTenderId = drafted.tenderId;
    expectStatus(await alice.post(`/tenders/${sealedTenderId}/publication`), 200);
    expectStatus(
      await api
        .as(SUPPLIER_USERS.birch)
        .post(`/tenders/${sealedTenderId}/bid`, bidBody(PRICES.birch, 'birch')),
      201,
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function link(
    user: 'legal-lee' | 'auditor-ada' | 'officer-alice',
    tenderId: string,
    body: Record<string, unknown>,
  ) {
    return suite.api.as(user).post(`/tenders/${tenderId}/evidence/links`, body);
  }

  async function open(url: string): Promise<{ page: Page; status: number }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const origin = new URL(url).origin;
    page.on('request', (request) => {
      if (request.url() !== url) requests.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const response = await page.goto(url);
    expect(new URL(url).origin).toBe(origin);
    return { page, status: response!.status() };
  }

  it('legal gets a short-lived signed link to the timeline, and its issue is recorded', async () => {
    const issued = expectStatus(
      await link('legal-lee', suite.tenderId, { page: 'timeline', expiresInMinutes: 15 }),
      201,
    );
    expect(issued.path).toMatch(
      new RegExp(`^/pages/tenders/${suite.tenderId}/timeline\\?link=ftl1\\.`),
    );
    expect(Date.parse(issued.expiresAt) - suite.api.clock.now().getTime()).toBeLessThanOrEqual(
      15 * 60_000,
    );
    expect(issued.timeZone).toBe('Europe/London');
    const audit = await suite.api.store.readStream(auditStream(suite.tenderId));
    const recorded = audit.find((event) => event.type === 'EvidenceLinkIssued');
    expect(recorded?.data).toMatchObject({ linkId: issued.linkId, page: 'timeline' });
    expect(recorded?.metadata.actor?.userId).toBe('legal-lee');
  });

  it('a retried request with the same Idempotency-Key answers the same link, not a second one', async () => {
    const key = { 'idempotency-key': 'timeline-for-counsel-1' };
    const legalLee = suite.api.as('legal-lee');
    const path = `/tenders/${suite.tenderId}/evidence/links`;
    const first = expectStatus(await legalLee.post(path, { page: 'timeline' }, key), 201);
    const again = await legalLee.post(path, { page: 'timeline' }, key);
    expect(expectStatus(again, 201)).toEqual(first);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const otherPage = await legalLee.post(path, { page: 'integrity' }, key);
    expect(otherPage.status).toBe(409);
    expect(otherPage.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // The key is the caller's own: another user with the same key gets a link of its own.
    const auditor = expectStatus(
      await suite.api.as('auditor-ada').post(path, { page: 'timeline' }, key),
      201,
    );
    expect(auditor.linkId).not.toBe(first.linkId);
    const audit = await suite.api.store.readStream(auditStream(suite.tenderId));
    const issues = audit.filter(
      (event) => event.type === 'EvidenceLinkIssued' && (event.data as any).linkId === first.linkId,
    );
    expect(issues).toHaveLength(1);
  });

  it('the timeline reads as a legal record: verdict first, stages as sections, a sentence per event, nothing cut', async () => {
    const issued = expectStatus(await link('legal-lee', suite.tenderId, { page: 'timeline' }), 201);
    const { page, status } = await open(`${suite.api.baseUrl}${issued.path}`);
    expect(status).toBe(200);
    const verdict = page.locator('.verdict');
    await expect(verdict.getAttribute('class')).resolves.toContain('intact');
    expect(await verdict.locator('h2').textContent()).toBe('Verified: the record is intact');
    expect(await verdict.textContent()).toContain('node tools/verify-bundle.mjs');
    const sections = await page.locator('section h2').allTextContents();
    expect(sections).toEqual(
      expect.arrayContaining([
        'The notice and its clarifications',
        'Bids',
        'Opening of the bids',
        'Evaluation',
        'Award and standstill',
        'Looks at the record, and refused attempts',
      ]),
    );
    // The verdict comes before any section of the record.
    expect(sections[0]).toBe('Verified: the record is intact');
    const body = (await page.locator('body').textContent())!;
    const awardSentence = await page
      .locator('li[data-type="AwardProposed"] .sentence')
      .textContent();
    expect(awardSentence).toMatch(
      /^officer-bob \(officer, [^)]+\) confirmed the award to supplier birch proposed by officer-alice \(departures: winner-not-top-ranked\)/,
    );
    expect(body).toContain(NOT_TOP);
    // Local time with its zone (UK time in December is GMT).
    expect(await page.locator('li[data-type="AwardProposed"] .when').textContent()).toMatch(
      /\d{2}:\d{2}:\d{2} GMT/,
    );
    // Readable event names, and every value whole: a justification of the scores appears in full.
    expect(body).toContain('Bid scored');
    expect(body).toContain(
      'acme earns 8 on quality: the response meets the specification as written.',
    );
    expect(body).toContain(
      'The method statement does not cover evidence retention for seven years.',
    );
    expect(body).not.toContain('…');
    await page.screenshot({ path: artifactPath('timeline.png'), fullPage: true });
    await page.close();
  });

  it('before opening, bid events are marked sealed and show no content', async () => {
    const issued = expectStatus(
      await link('auditor-ada', sealedTenderId, { page: 'timeline', timeZone: 'America/New_York' }),
      201,
    );
    const { page } = await open(`${suite.api.baseUrl}${issued.path}`);
    const sealed = page.locator('li.sealed');
    expect(await sealed.count()).toBeGreaterThanOrEqual(1);
    expect(await sealed.first().locator('.badge.sealed').textContent()).toBe('sealed');
    expect(await sealed.first().textContent()).toContain('stays sealed until the bids are opened');
    expect(await page.locator('body').textContent()).not.toContain(String(PRICES.birch));
    expect(await page.locator('li[data-type="TenderPublished"] .when').textContent()).toMatch(
      /\d{2}:\d{2}:\d{2} GMT-5/,
    );
    await page.screenshot({ path: artifactPath('timeline-sealed.png'), fullPage: true });
    await page.close();
  });

  it('the integrity page shows the coverage matrix and the ranking as pictures, and the red flags', async () => {
    const issued = expectStatus(
      await link('auditor-ada', suite.tenderId, { page: 'integrity' }),
      201,
    );
    const { page, status } = await open(`${suite.api.baseUrl}${issued.path}`);
    expect(status).toBe(200);
    const matrix = page.locator('svg[aria-label^="Coverage matrix"]');
    // Two compliant bids × two evaluators × two quality criteria, every one scored.
    expect(await matrix.locator('rect.cell').count()).toBe(8);
    expect(await matrix.locator('rect.cell.scored').count()).toBe(8);
    const bars = page.locator('svg[aria-label="Ranking by total score"] g.bar');
    expect(await bars.count()).toBe(2);
    expect(await bars.first().textContent()).toContain('1. acme');
    expect(await page.locator('g.bar.winner').textContent()).toContain('2. birch');
    expect(await page.locator('g.bar.winner').textContent()).toContain('★ award');
    const box = await matrix.boundingBox();
    expect(box!.width).toBeGreaterThan(100);
    const report = expectStatus(
      await suite.api.as('auditor-ada').get(`/tenders/${suite.tenderId}/integrity`),
      200,
    );
    expect(report.redFlags.map((flag: any) => flag.code)).toContain('FT-WINNER-NOT-TOP-RANKED');
    expect(await page.locator('.flag').count()).toBe(report.redFlags.length);
    expect(
      await page.locator('.flag[data-code="FT-WINNER-NOT-TOP-RANKED"]').textContent(),
    ).toContain(NOT_TOP);
    for (const flag of report.redFlags) {
      expect(await page.locator(`.flag[data-code="${flag.code}"]`).count()).toBeGreaterThanOrEqual(
        1,
      );
    }
    await page.screenshot({ path: artifactPath('integrity.png'), fullPage: true });
    await page.close();
  });

  it('officers may open the integrity page but not the whole record', async () => {
    expectStatus(await link('officer-alice', suite.tenderId, { page: 'integrity' }), 201);
    const refused = await link('officer-alice', suite.tenderId, { page: 'timeline' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ROLE_NOT_ALLOWED');
    const badZone = await link('legal-lee', suite.tenderId, {
      page: 'timeline',
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.code).toBe('VALIDATION_FAILED');
  });

  it('an altered, misdirected or expired link is refused with a page that says why', async () => {
    const issued = expectStatus(
      await link('legal-lee', suite.tenderId, { page: 'timeline', expiresInMinutes: 5 }),
      201,
    );
    const tampered = issued.path.replace(
      /\.([A-Za-z0-9_-])([A-Za-z0-9_-]*)$/,
      (_m: string, c: string, rest: string) => `.${c === 'A' ? 'B' : 'A'}${rest}`,
    );
    const cases: [string, number, string][] = [
      [tampered, 401, 'LINK_INVALID'],
      [issued.path.replace('/timeline?', '/integrity?'), 401, 'LINK_INVALID'],
      [`/pages/tenders/${suite.tenderId}/timeline`, 401, 'LINK_INVALID'],
    ];
    for (const [path, status, code] of cases) {
      const { page, status: got } = await open(`${suite.api.baseUrl}${path}`);
      expect([path, got]).toEqual([path, status]);
      expect(await page.locator('#error-code').textContent()).toBe(code);
      await page.close();
    }
    suite.api.clock.set(new Date(Date.parse(issued.expiresAt) + 1000));
    const { page, status } = await open(`${suite.api.baseUrl}${issued.path}`);
    expect(status).toBe(401);
    expect(await page.locator('#error-code').textContent()).toBe('LINK_EXPIRED');
    expect(await page.locator('h1').textContent()).toBe('This page cannot be shown');
    await page.screenshot({ path: artifactPath('link-expired.png') });
    await page.close();
  });

  it('every view is recorded against the link that opened it', async () => {
    const audit = await suite.api.store.readStream(auditStream(suite.tenderId));
    const issued = audit.filter((event) => event.type === 'EvidenceLinkIssued');
    const viewed = audit.filter((event) => event.type === 'EvidencePageViewed');
    expect(viewed.map((event) => (event.data as any).page).sort()).toEqual([
      'integrity',
      'timeline',
    ]);
    for (const view of viewed) {
      const link = issued.find((event) => (event.data as any).linkId === (view.data as any).linkId);
      expect(link?.metadata.actor).toEqual(view.metadata.actor);
    }
    expect((viewed.find((e) => (e.data as any).page === 'timeline')!.data as any).intact).toBe(
      true,
    );
  });

  it('the pages fetch nothing and run no script; GET / leads to the docs', async () => {
    expect(requests).toEqual([]);
    expect(pageErrors).toEqual([]);
    const page = await browser.newPage();
    await page.goto(`${suite.api.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe('/docs');
    expect(await page.title()).toBe('Fairtender API');
    await page.close();
  });
});
