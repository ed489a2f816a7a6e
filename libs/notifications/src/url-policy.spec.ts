import { resolveTarget } from './resolve-target';
import {
  checkWebhookUrl,
  isPublicAddress,
  WebhookUrlNotAllowedError,
  type UrlRefusalReason,
  type WebhookUrlPolicy,
} from './url-policy';

const PRODUCTION: WebhookUrlPolicy = { requireHttps: true, allowPrivateTargets: false };
const DEVELOPMENT: WebhookUrlPolicy = { requireHttps: false, allowPrivateTargets: false };
const TESTS: WebhookUrlPolicy = { requireHttps: false, allowPrivateTargets: true };

function refusal(run: () => unknown): UrlRefusalReason | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookUrlNotAllowedError) return error.reason;
    throw error;
  }
  return undefined;
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<UrlRefusalReason | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof WebhookUrlNotAllowedError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('webhook URL policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '2001:db8::1',
    '64:ff9b::a00:1',
    // Every IPv6 spelling of loopback and private IPv4 (issue 17): IPv4-compatible, mapped, SIIT,
    // NAT64 (well-known and local-use prefixes), 6to4, Teredo; and the IPv6-only private ranges.
    '::127.0.0.1',
    '::7f00:1',
    '::10.0.0.1',
    '::8.8.8.8',
    '::ffff:7f00:1',
    '::ffff:0:127.0.0.1',
    '64:ff9b::127.0.0.1',
    '64:ff9b:1::a00:1',
    '2002:7f00:1::1',
    '2002:808:808::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'fc00::1',
    'fdff:ffff::1',
    'febf::1',
    'fec0::1',
    '100::1',
    '2001:2::1',
    '5f00::1',
    'fe80::1%eth0',
  ])('treats %s as not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'treats %s as public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('accepts https anywhere, http outside production', () => {
    expect(checkWebhookUrl('https://hooks.example.com/fairtender', PRODUCTION).href).toBe(
      'https://hooks.example.com/fairtender',
    );
    expect(checkWebhookUrl('http://hooks.example.com/x', DEVELOPMENT).protocol).toBe('http:');
  });

  it.each<[string, WebhookUrlPolicy, UrlRefusalReason]>([
    ['http://hooks.example.com/x', PRODUCTION, 'scheme'],
    ['ftp://hooks.example.com/x', DEVELOPMENT, 'scheme'],
    ['file:///etc/passwd', DEVELOPMENT, 'scheme'],
    ['javascript:alert(1)', DEVELOPMENT, 'scheme'],
    ['hooks.example.com/x', DEVELOPMENT, 'malformed'],
    ['not a url', DEVELOPMENT, 'malformed'],
    ['https://user:pass@hooks.example.com/', PRODUCTION, 'credentials'],
    ['https://127.0.0.1/hook', PRODUCTION, 'private_address'],
    ['https://[::1]:8443/hook', PRODUCTION, 'private_address'],
    ['http://0x7f.1/hook', DEVELOPMENT, 'private_address'],
    ['http://2130706433/hook', DEVELOPMENT, 'private_address'],
    ['https://169.254.169.254/latest/meta-data', PRODUCTION, 'private_address'],
    ['https://[::ffff:192.168.0.1]/', PRODUCTION, 'private_address'],
    ['http://[::127.0.0.1]/', DEVELOPMENT, 'private_address'],
    ['http://[::ffff:127.0.0.1]:3000/', DEVELOPMENT, 'private_address'],
    ['http://[64:ff9b::169.254.169.254]/', DEVELOPMENT, 'private_address'],
    ['http://[2002:a9fe:a9fe::]/', DEVELOPMENT, 'private_address'],
    ['http://[fd00:ec2::254]/', DEVELOPMENT, 'private_address'],
    [`https://hooks.example.com/${'a'.repeat(2048)}`, PRODUCTION, 'too_long'],
  ])('refuses %s', (url, policy, reason) => {
    expect(refusal(() => checkWebhookUrl(url, policy))).toBe(reason);
  });

  it('allows private targets only when configured to', () => {
    expect(refusal(() => checkWebhookUrl('http://127.0.0.1:9000/hook', TESTS))).toBeUndefined();
  });

  describe('resolving the host (at registration and at each delivery)', () => {
    const resolvesTo =
      (...addresses: string[]) =>
      async () =>
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    const url = new URL('https://hooks.example.com/x');

    it('returns every address when all are public', async () => {
      await expect(
        resolveTarget(url, PRODUCTION, resolvesTo('93.184.215.14', '2606:4700::1')),
      ).resolves.toEqual([
        { address: '93.184.215.14', family: 4 },
        { address: '2606:4700::1', family: 6 },
      ]);
    });

    it('refuses a name with any private address among its answers (DNS rebinding)', async () => {
      expect(
        await asyncRefusal(() =>
          resolveTarget(url, PRODUCTION, resolvesTo('93.184.215.14', '127.0.0.1')),
        ),
      ).toBe('private_address');
      expect(await asyncRefusal(() => resolveTarget(url, PRODUCTION, resolvesTo('10.0.0.7')))).toBe(
        'private_address',
      );
    });

    it('refuses a name that does not resolve', async () => {
      const nx = async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND hooks.example.com'), {
          code: 'ENOTFOUND',
        });
      };
      expect(await asyncRefusal(() => resolveTarget(url, PRODUCTION, nx))).toBe('unresolvable');
      expect(await asyncRefusal(() => resolveTarget(url, PRODUCTION, resolvesTo()))).toBe(
        'unresolvable',
      );
    });

    it('does not resolve an IP literal, and allows anything when configured to', async () => {
      const never = async () => {
        throw new Error('must not be called');
      };
      await expect(resolveTarget(new URL('http://127.0.0.1:8080/'), TESTS, never)).resolves.toEqual(
        [{ address: '127.0.0.1', family: 4 }],
      );
      await expect(resolveTarget(url, TESTS, resolvesTo('127.0.0.1'))).resolves.toHaveLength(1);
    });
  });
});
