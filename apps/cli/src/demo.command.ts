/* eslint-disable @typescript-eslint/no-explicit-any -- answers are JSON read field by field */
import type { Command } from 'commander';
import { demoUser, issueToken, type DemoUserId } from '@fairtender/auth';
import { loadConfig } from '@fairtender/config';
import { CliError, reportProgress, type CliIo } from './cli-io';
import { EXIT } from './exit-codes';

const DAY_SECONDS = 24 * 3600;
const PRICES = { acme: 41_000_000, birch: 39_000_000, cedar: 45_000_000 } as const;
type Supplier = keyof typeof PRICES;
const PANEL: DemoUserId[] = ['evaluator-eve', 'evaluator-evan'];

/** The notice every demo tender publishes, its deadlines 20 and 30 days after the sandbox clock. */
function notice(title: string, now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY_SECONDS * 1000).toISOString();
  return {
    title,
    description: 'Supply, hosting and support of body-worn video for a police force.',
    cpvCodes: ['35125300-2'],
    estimatedValue: { amount: 50_000_000, currency: 'GBP' },
    procedure: 'open',
    awardCriteria: [
      { id: 'quality', name: 'Technical quality', weight: 50, kind: 'quality' },
      { id: 'social-value', name: 'Social value', weight: 10, kind: 'quality' },
      { id: 'price', name: 'Price', weight: 40, kind: 'price' },
    ],
    scoringScale: { min: 0, max: 10 },
    minimumBids: 2,
    evaluatorCount: 2,
    minimumResponseDays: 25,
    jurisdiction: 'uk-pa-2023',
    clarificationDeadline: at(20),
    submissionDeadline: at(30),
  };
}

function bid(supplier: Supplier) {
  return {
    price: { amount: PRICES[supplier], currency: 'GBP' },
    responses: [
      { criterionId: 'quality', response: `${supplier}: cameras, docking, evidence platform.` },
      { criterionId: 'social-value', response: `${supplier}: local apprenticeships.` },
    ],
    documents: [
      {
        name: 'method-statement.txt',
        mediaType: 'text/plain',
        contentBase64: Buffer.from(`${supplier}'s method statement`).toString('base64'),
      },
    ],
  };
}

const SCORES = {
  acme: { quality: 8, 'social-value': 6 },
  birch: { quality: 6, 'social-value': 6 },
};

/** Talks to a running server as the demo users; a refusal stops the demo with the server's words. */
class DemoClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly io: CliIo,
  ) {}

  async call(user: DemoUserId, method: string, path: string, body?: unknown, headers = {}) {
    if (!this.tokens.has(user)) {
      const { auth } = loadConfig(this.io.env);
      if (auth.mode !== 'secret')
        throw new CliError('demo signs demo-user tokens: unset AUTH_JWKS_URL', EXIT.usage);
      this.tokens.set(user, await issueToken(auth, demoUser(user), { expiresIn: '1h' }));
    }
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.tokens.get(user)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new CliError(
        `No Fairtender answers at ${this.baseUrl} (${(error as Error).message}): start it with npm start`,
        EXIT.failure,
      );
    }
    const answer = (await response.json().catch(() => ({}))) as any;
    if (!response.ok)
      throw new CliError(
        `${method} ${path} as ${user}: ${response.status} ${answer.code ?? ''} ${answer.message ?? ''}`,
        response.status === 403 && answer.code === 'SANDBOX_DISABLED' ? EXIT.usage : EXIT.failure,
      );
    return answer;
  }

  post = (user: DemoUserId, path: string, body: unknown = {}) =>
    this.call(user, 'POST', path, body);
  put = (user: DemoUserId, path: string, body: unknown) => this.call(user, 'PUT', path, body);

  async advance(seconds: number): Promise<Date> {
    const moved = await this.post('officer-alice', '/sandbox/clock', { advanceBySeconds: seconds });
    return new Date(moved.now);
  }

  async now(): Promise<Date> {
    return new Date((await this.call('officer-alice', 'GET', '/sandbox/clock')).now);
  }
}

/** Drafts and publishes a tender, with a bid from each supplier. */
async function publishedWithBids(api: DemoClient, title: string, now: Date): Promise<string> {
  const { tenderId } = await api.post('officer-alice', '/tenders', notice(title, now));
  await api.post('officer-alice', `/tenders/${tenderId}/publication`);
  let position = '';
  for (const supplier of Object.keys(PRICES) as Supplier[])
    position = (await api.post(`supplier-${supplier}`, `/tenders/${tenderId}/bid`, bid(supplier)))
      .receipt.payload.position;
  // The opening finds the bids in global order: wait until the register shows the last one.
  await api.call('officer-alice', 'GET', `/tenders/${tenderId}/bids`, undefined, {
    'x-min-position': position,
  });
  return tenderId;
}

/** Past the deadline: closed and opened by two officers, compliance decided, the panel seated. */
async function openAndSeat(api: DemoClient, tenderId: string): Promise<void> {
  const base = `/tenders/${tenderId}`;
  await api.post('officer-alice', `${base}/closing`);
  await api.post('officer-alice', `${base}/opening`);
  await api.post('officer-bob', `${base}/opening`);
  for (const supplier of ['acme', 'birch'])
    await api.post('officer-alice', `${base}/compliance/${supplier}`, { decision: 'passed' });
  await api.post('officer-alice', `${base}/compliance/cedar`, {
    decision: 'excluded',
    reasonCode: 'requirements-not-met',
    reasonText: 'The method statement does not cover evidence retention for seven years.',
    requirement: 'quality',
  });
  await api.put('officer-alice', `${base}/panel`, { evaluatorIds: PANEL });
  for (const evaluator of PANEL) await api.post(evaluator, `${base}/panel/acceptance`);
}

/** The panel declares, scores and submits; Acme, top-ranked, is awarded (summaries, standstill). */
async function scoreAndAward(api: DemoClient, tenderId: string, award = true): Promise<void> {
  const base = `/tenders/${tenderId}`;
  for (const evaluator of PANEL) {
    for (const [supplier, scores] of Object.entries(SCORES)) {
      await api.put(evaluator, `${base}/declarations/${supplier}`, { conflict: false });
      await api.put(evaluator, `${base}/scores/${supplier}`, {
        scores: Object.entries(scores).map(([criterionId, score]) => ({
          criterionId,
          score,
          justification: `${supplier} earns ${score} on ${criterionId}: the response meets the specification as written.`,
        })),
      });
    }
    if (award) await api.post(evaluator, `${base}/evaluation-submission`);
  }
  if (award) await api.post('officer-alice', `${base}/award`, { supplierId: 'acme' });
}

/**
 * `fairtender demo`: sample tenders at every stage, through the HTTP API of a running server (on the
 * embedded store or PostgreSQL, whichever it uses), moving its sandbox clock forward.
 */
/** Above £5m a contract needs three KPIs (PA 2023 s.52, docs/contracts.md). */
const DEMO_KPIS = [
  {
    kpiId: 'availability',
    name: 'Camera availability',
    measure: 'Share of shift hours with a working camera',
    target: 'At least 98 %',
    frequencyMonths: 3,
  },
  {
    kpiId: 'retrieval',
    name: 'Footage retrieval',
    measure: 'Requests answered within 24 hours',
    target: 'At least 95 %',
    frequencyMonths: 6,
  },
  {
    kpiId: 'retention',
    name: 'Evidence retention',
    measure: 'Clips kept for their retention period',
    target: '100 %',
    frequencyMonths: 12,
  },
];

export function addDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'seed a running server (outside production) with tenders at every stage, moving its sandbox clock',
    )
    .option('--url <url>', 'the running server', 'http://127.0.0.1:3000')
    .option('--json', 'print the tenders as JSON')
    .addHelpText(
      'after',
      `
Creates, as the demo users: a draft; a tender open for bids; one in evaluation (opened, scores in
progress); one awarded in standstill (assessment summaries sent); one whose award is suspended by a
challenge; one with a contract concluded; then prints links that open the contracted tender's
timeline and integrity page in a browser. The server's clock moves forward about 50 days
(POST /sandbox/clock, each move recorded as SandboxClockMoved); a server in production refuses.`,
    )
    .action(async (options: { url: string; json?: boolean }) => {
      const api = new DemoClient(options.url.replace(/\/+$/, ''), io);
      const step = (text: string) => reportProgress(io, 'demo', text);
      const made: Record<string, string> = {};
      let now = await api.now();
      step('publishing four tenders with three bids each');
      made.contract = await publishedWithBids(api, 'Demo: body-worn cameras (contract)', now);
      made.challenged = await publishedWithBids(api, 'Demo: evidence storage (challenged)', now);
      made.standstill = await publishedWithBids(api, 'Demo: docking stations (standstill)', now);
      made.evaluation = await publishedWithBids(api, 'Demo: training (evaluation)', now);
      step('moving the clock 31 days, past the submission deadline');
      now = await api.advance(31 * DAY_SECONDS);
      for (const tenderId of [made.contract, made.challenged, made.standstill, made.evaluation])
        await openAndSeat(api, tenderId);
      step('scoring and awarding; Cedar challenges its exclusion');
      await scoreAndAward(api, made.contract);
      await scoreAndAward(api, made.challenged);
      await api.post('supplier-cedar', `/tenders/${made.challenged}/challenges`, {
        grounds: ['wrongful-exclusion'],
        text: 'Our method statement covers retention for seven years in section 4.2.',
      });
      await scoreAndAward(api, made.evaluation, false);
      step('moving the clock 20 days, past the standstill; concluding the contract');
      now = await api.advance(20 * DAY_SECONDS);
      await api.post('officer-alice', `/tenders/${made.contract}/contract`, {
        value: { amount: PRICES.acme, currency: 'GBP' },
        period: { startDate: '2027-01-01', endDate: '2028-12-31' },
        kpis: DEMO_KPIS,
      });
      await scoreAndAward(api, made.standstill);
      step('a tender open for bids, and a draft');
      made.tendering = await publishedWithBids(api, 'Demo: radios (open for bids)', now);
      made.draft = (
        await api.post('officer-alice', '/tenders', notice('Demo: drones (draft)', now))
      ).tenderId;
      if (options.json) return io.print(JSON.stringify(made, null, 2));
      for (const [stage, tenderId] of Object.entries(made))
        io.print(`${stage.padEnd(11)} ${tenderId}  ${options.url}/tenders/${tenderId}`);
      // Pages a browser opens with no token (docs/pages.md): legal's short-lived signed links.
      io.print('\nThe contracted tender in a browser, as legal-lee (links valid 30 minutes):');
      for (const page of ['timeline', 'integrity']) {
        const link = await api.post('legal-lee', `/tenders/${made.contract}/evidence/links`, {
          page,
        });
        io.print(`${page.padEnd(11)} ${link.url}`);
      }
    });
}
