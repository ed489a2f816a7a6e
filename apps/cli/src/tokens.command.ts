import type { Command } from 'commander';
import { DEMO_USERS, findDemoUser, issueToken } from '@fairtender/auth';
import { loadConfig } from '@fairtender/config';
import type { Actor } from '@fairtender/domain';
import { CliError, type CliIo } from './cli-io';

interface TokensOptions {
  user?: string;
  expiresIn: string;
  json?: boolean;
}

/** `fairtender tokens`: bearer tokens for the demo users, signed with the configured shared secret. */
export function addTokensCommand(program: Command, io: CliIo): void {
  program
    .command('tokens')
    .description('print a bearer token for each demo user, signed with AUTH_JWT_SECRET')
    .option('-u, --user <id>', 'only this demo user (e.g. officer-alice)')
    .option('-e, --expires-in <span>', 'lifetime of each token: 30m, 8h, 2d…', '8h')
    .option('--json', 'print a JSON array of { userId, role, organisationId, token }')
    .addHelpText(
      'after',
      `
Prints one line per user: user-id, role, organisation, token. The API accepts these tokens when it
runs with the same AUTH_JWT_SECRET, AUTH_ISSUER and AUTH_AUDIENCE (all unset on a development
machine). With AUTH_JWKS_URL set, tokens come from the identity provider and this command refuses.

Demo users:
${DEMO_USERS.map((user) => `  ${user.userId.padEnd(16)} ${user.role.padEnd(10)} ${user.organisationId}`).join('\n')}

Example:
  TOKEN=$(fairtender tokens --user officer-alice --json | jq -r '.[0].token')
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/tenders`,
    )
    .action(async (options: TokensOptions) => {
      const config = loadConfig(io.env);
      const { auth } = config;
      if (auth.mode !== 'secret')
        throw new CliError(
          `AUTH_JWKS_URL is set, so tokens come from the identity provider (${auth.jwksUrl}); ` +
            'fairtender tokens can only sign with AUTH_JWT_SECRET',
        );
      if (config.nodeEnv === 'production')
        io.warn('warning: NODE_ENV=production: these tokens are valid on the production API');

      const users = selectUsers(options.user);
      const issued = [];
      for (const user of users)
        issued.push({ ...user, token: await issue(auth, user, options.expiresIn) });

      if (options.json) {
        io.print(
          JSON.stringify(
            issued.map(({ userId, role, organisationId, token }) => ({
              userId,
              role,
              organisationId,
              token,
            })),
            null,
            2,
          ),
        );
        return;
      }
      const width = (pick: (user: Actor) => string) =>
        Math.max(...users.map((u) => pick(u).length));
      const [userWidth, roleWidth, orgWidth] = [
        width((u) => u.userId),
        width((u) => u.role),
        width((u) => u.organisationId),
      ];
      for (const { userId, role, organisationId, token } of issued)
        io.print(
          `${userId.padEnd(userWidth)}  ${role.padEnd(roleWidth)}  ${organisationId.padEnd(orgWidth)}  ${token}`,
        );
    });
}

function selectUsers(userId: string | undefined): readonly Actor[] {
  if (userId === undefined) return DEMO_USERS;
  const user = findDemoUser(userId);
  if (!user)
    throw new CliError(
      `Unknown demo user "${userId}"; known: ${DEMO_USERS.map((u) => u.userId).join(', ')}`,
    );
  return [user];
}

async function issue(
  auth: Parameters<typeof issueToken>[0],
  user: Actor,
  expiresIn: string,
): Promise<string> {
  try {
    return await issueToken(auth, user, { expiresIn });
  } catch (error) {
    if (error instanceof RangeError)
      throw new CliError(
        `--expires-in must be a time span like 30m, 8h or 2d (got "${expiresIn}")`,
      );
    throw error;
  }
}
