import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import {
  checkAddress,
  ipLiteralOf,
  WebhookUrlNotAllowedError,
  type WebhookUrlPolicy,
} from './url-policy';

export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

export const lookupAll: LookupAll = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * Every address the URL's host resolves to, each checked against the policy: one private address is
 * enough to refuse, since a resolver may hand out any of them. Refuses a host that does not resolve.
 */
export async function resolveTarget(
  url: URL,
  policy: WebhookUrlPolicy,
  lookup: LookupAll = lookupAll,
): Promise<LookupAddress[]> {
  const literal = ipLiteralOf(url);
  if (literal !== undefined) {
    checkAddress(literal, url.hostname, policy);
    return [{ address: literal, family: literal.includes(':') ? 6 : 4 }];
  }
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(url.hostname);
  } catch (error) {
    throw new WebhookUrlNotAllowedError(
      'unresolvable',
      `The webhook host ${url.hostname} does not resolve: ${(error as Error).message}`,
      { host: url.hostname },
    );
  }
  if (addresses.length === 0) {
    throw new WebhookUrlNotAllowedError(
      'unresolvable',
      `The webhook host ${url.hostname} has no address`,
      { host: url.hostname },
    );
  }
  for (const { address } of addresses) checkAddress(address, url.hostname, policy);
  return addresses;
}
