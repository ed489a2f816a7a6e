import { DEMO_USERS, TokenVerifier } from '@fairtender/auth';
import { loadConfig } from '@fairtender/config';
import { CliError, type CliIo } from './cli-io';
import { ALL_MIGRATIONS } from './migrate.command';
import { buildProgram } from './program';

const SECRET = 'the-secret-shared-with-the-api-32-chars-or-more';

function run(args: string[], env: Record<string, string> = { AUTH_JWT_SECRET: SECRET }) {
  const io = { env, out: [] as string[], err: [] as string[] };
  const cliIo: CliIo = {
    env,
    print: (text) => io.out.push(text),
    warn: (text) => io.err.push(text),
  };
  const done = buildProgram(cliIo).parseAsync(['node', 'fairtender', ...args]);
  return { io, done };
}

async function output(args: string[], env?: Record<string, string>) {
  const { io, done } = run(args, env);
  await done;
  return io;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

const verifier = new TokenVerifier(loadConfig({ AUTH_JWT_SECRET: SECRET }).auth);

describe('fairtender tokens', () => {
  it('prints "user-id  role  org  token" for every demo user, tokens the API accepts', async () => {
    const { out, err } = await output(['tokens']);
    expect(out).toHaveLength(DEMO_USERS.length);
    expect(err).toEqual([]);
    for (const [index, line] of out.entries()) {
      const [userId, role, organisationId, token] = line.split(/\s+/);
      expect({ userId, role, organisationId }).toEqual(DEMO_USERS[index]);
      await expect(verifier.verify(token)).resolves.toEqual(DEMO_USERS[index]);
    }
    expect(out[0]).toMatch(/^officer-alice {2,}officer {2,}authority-1 {2,}ey/);
  });

  it('prints one user as JSON, with the lifetime asked for', async () => {
    const { out } = await output([
      'tokens',
      '--user',
      'supplier-birch',
      '--json',
      '--expires-in',
      '30m',
    ]);
    const printed = JSON.parse(out.join('\n')) as { token: string }[];
    expect(printed).toEqual([
      {
        userId: 'supplier-birch',
        role: 'supplier',
        organisationId: 'birch',
        token: expect.any(String),
      },
    ]);
    const claims = claimsOf(printed[0].token);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(1800);
  });

  it('signs with the development secret when none is configured, as the API then checks', async () => {
    const { out } = await output(['tokens', '-u', 'auditor-ada'], {});
    const token = out[0].split(/\s+/)[3];
    await expect(new TokenVerifier(loadConfig({}).auth).verify(token)).resolves.toMatchObject({
      userId: 'auditor-ada',
    });
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    [
      'an unknown user',
      ['--user', 'mallory'],
      {},
      /Unknown demo user "mallory"; known: officer-alice, /,
    ],
    [
      'a malformed lifetime',
      ['--expires-in', 'soon'],
      {},
      /--expires-in must be a time span like 30m, 8h or 2d \(got "soon"\)/,
    ],
    [
      'JWKS mode',
      [],
      { AUTH_JWKS_URL: 'https://id.example.org/jwks.json' },
      /AUTH_JWKS_URL is set, so tokens come from the identity provider \(https:\/\/id\.example\.org\/jwks\.json\)/,
    ],
  ])('refuses %s with a clear message', async (_case, args, env, message) => {
    const { done, io } = run(['tokens', ...args], env);
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toMatch(message);
    expect(io.out).toEqual([]);
  });

  it('warns on stderr when the tokens would be valid in production', async () => {
    const { out, err } = await output(['tokens', '-u', 'legal-lee'], {
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: SECRET,
      SEALING_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      RECEIPT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH',
    });
    expect(out).toHaveLength(1);
    expect(err).toEqual([
      'warning: NODE_ENV=production: these tokens are valid on the production API',
    ]);
  });

  it('explains itself in --help', () => {
    const tokens = buildProgram().commands.find((command) => command.name() === 'tokens')!;
    let help = '';
    tokens.configureOutput({ writeOut: (text) => void (help += text) }).outputHelp();
    expect(help).toContain('--user <id>');
    expect(help).toContain('--expires-in <span>');
    expect(help).toContain('--json');
    expect(help).toMatch(/officer-oscar +officer +authority-2/);
    expect(help).toContain('this command refuses');
  });
});

describe('fairtender migrate', () => {
  it('still brings the embedded database up to date', async () => {
    const { out } = await output(['migrate'], { EMBEDDED_DATA_DIR: 'memory://' });
    expect(out[0]).toMatch(/: applied \d+ migrations?$/);
  });

  it("applies every owner's migrations: the scheduler's and notifications' too", async () => {
    const { out } = await output(['migrate'], { EMBEDDED_DATA_DIR: 'memory://' });
    const ids = out.slice(1).map((line) => Number(line.trim().split(' ')[0]));
    expect(ids).toEqual(ALL_MIGRATIONS.map((migration) => migration.id));
    expect(ids).toEqual(expect.arrayContaining([1, 1000, 2000, 2010]));
  });
});
