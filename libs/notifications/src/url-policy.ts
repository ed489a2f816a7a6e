import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

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

// IPv4-compatible IPv6 addresses (::a.b.c.d, ::/96), deprecated by RFC 4291 s.2.5.5.1: ipaddr.js
// calls them unicast (and reads the dotted form as IPv4-mapped), yet stacks may still route
// ::127.0.0.1 to this host. Node's own parser tells them apart.
const IPV4_COMPATIBLE = new BlockList();
IPV4_COMPATIBLE.addSubnet('::', 96, 'ipv6');

/**
 * Whether an IP address (v4 or v6, without brackets) is on the public internet: ipaddr.js (a
 * maintained table of the IANA special-purpose registries) must call it plain `unicast`. So this host,
 * the private networks, the cloud metadata service (169.254.169.254, link-local), carrier-grade NAT,
 * documentation and benchmark ranges, multicast and reserved space are refused, and so is every IPv6
 * form that carries or translates an IPv4 address (mapped, compatible, SIIT, NAT64, 6to4, Teredo):
 * an IPv4-mapped one is judged by its IPv4 address, the others are refused outright.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6 && IPV4_COMPATIBLE.check(address.replace(/%.*$/, ''), 'ipv6')) return false;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() === 'unicast';
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
