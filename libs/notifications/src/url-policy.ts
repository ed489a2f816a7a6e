import { BlockList, isIP } from 'node:net';

export interface WebhookUrlPolicy {
  /** Only `https://` (production). */
  requireHttps: boolean;
  /** Loopback, private, link-local and other non-public targets allowed (tests, closed networks). */
  allowPrivateTargets: boolean;
}

export type UrlRefusalReason =
  'malformed' | 'scheme' | 'credentials' | 'too_long' | 'private_address' | 'unresolvable';

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/** A webhook target the policy refuses; `reason` says which rule, for the API's `details`. */
export class WebhookUrlNotAllowedError extends Error {
  override readonly name = 'WebhookUrlNotAllowedError';
  readonly code = 'WEBHOOK_URL_NOT_ALLOWED';

  constructor(
    readonly reason: UrlRefusalReason,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * Addresses a webhook must never reach unless configured to: this host, the private networks, the
 * cloud metadata service (169.254.169.254, link-local), carrier-grade NAT, documentation and benchmark
 * ranges, multicast and reserved space. IPv4-mapped IPv6 addresses match the IPv4 rules.
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6, without brackets) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as an IP address, when it is one (`[::1]` → `::1`). */
export function ipLiteralOf(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

/**
 * The checks that need no network: a well-formed absolute `http(s)://` URL (only `https://` when the
 * policy requires it), no user name or password in it, and an IP-literal host that is allowed. A host
 * name is checked again, by its resolved addresses, at registration and at every delivery.
 */
export function checkWebhookUrl(text: string, policy: WebhookUrlPolicy): URL {
  if (text.length > WEBHOOK_URL_MAX_LENGTH) {
    throw new WebhookUrlNotAllowedError(
      'too_long',
      `The webhook URL must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookUrlNotAllowedError('malformed', 'The webhook URL is not an absolute URL');
  }
  const schemes = policy.requireHttps ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol)) {
    throw new WebhookUrlNotAllowedError(
      'scheme',
      `The webhook URL must start with ${schemes.map((s) => `${s}//`).join(' or ')}`,
      { allowed: schemes.map((s) => s.slice(0, -1)) },
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new WebhookUrlNotAllowedError(
      'credentials',
      'The webhook URL must not carry a user name or password; deliveries are signed instead',
    );
  }
  if (url.hostname === '') {
    throw new WebhookUrlNotAllowedError('malformed', 'The webhook URL has no host');
  }
  const literal = ipLiteralOf(url);
  if (literal !== undefined) checkAddress(literal, url.hostname, policy);
  return url;
}

/** Refuses a non-public address unless the policy allows private targets. */
export function checkAddress(address: string, host: string, policy: WebhookUrlPolicy): void {
  if (policy.allowPrivateTargets || isPublicAddress(address)) return;
  throw new WebhookUrlNotAllowedError(
    'private_address',
    `The webhook host ${host} is (or resolves to) ${address}, which is not a public address`,
    { host, address },
  );
}
