import type { LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { lookupAll, resolveTarget, type LookupAll } from './resolve-target';
import { signDelivery, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';
import { checkWebhookUrl, WebhookUrlNotAllowedError, type WebhookUrlPolicy } from './url-policy';

export interface DeliveryRequest {
  url: string;
  secret: string;
  /** The JSON body, sent byte for byte as signed. */
  body: string;
  /** 1 for the first delivery. */
  attempt: number;
  policy: WebhookUrlPolicy;
  timeoutMs: number;
  /** Milliseconds since the epoch: the signed timestamp. */
  nowMs: number;
  lookup?: LookupAll;
}

export interface DeliveryResult {
  /** A 2xx answer. */
  delivered: boolean;
  statusCode?: number;
  error?: string;
  durationMs: number;
  /** The target is not allowed (a private address at delivery time): retrying will not help. */
  refused: boolean;
}

/** Answers are read up to this size and then dropped: the receiver's status is all that counts. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one signed notification. The host is resolved here and every address checked against the
 * policy, and the connection goes to exactly those addresses (the request's own lookup is pinned to
 * them), so a DNS answer that changes between the check and the connection (rebinding) cannot steer a
 * delivery to a private address. Redirects are not followed: a 3xx counts as a failure.
 */
export async function deliverWebhook(request: DeliveryRequest): Promise<DeliveryResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  let addresses: LookupAddress[];
  let url: URL;
  try {
    url = checkWebhookUrl(request.url, request.policy);
    addresses = await resolveTarget(url, request.policy, request.lookup ?? lookupAll);
  } catch (error) {
    const refused = error instanceof WebhookUrlNotAllowedError && error.reason !== 'unresolvable';
    return { delivered: false, refused, error: (error as Error).message, durationMs: elapsed() };
  }
  const timestamp = Math.floor(request.nowMs / 1000);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(request.body)),
    'user-agent': 'Fairtender-Webhooks/1',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signDelivery(request.secret, timestamp, request.body),
    'Fairtender-Attempt': String(request.attempt),
  };
  try {
    const statusCode = await post(
      url,
      headers,
      request.body,
      pinnedLookup(addresses),
      request.timeoutMs,
    );
    const delivered = statusCode >= 200 && statusCode < 300;
    return {
      delivered,
      refused: false,
      statusCode,
      ...(delivered ? {} : { error: `The receiver answered ${statusCode}` }),
      durationMs: elapsed(),
    };
  } catch (error) {
    return { delivered: false, refused: false, error: describe(error), durationMs: elapsed() };
  }
}

/** A lookup that answers with the addresses already checked, whatever the request asks. */
function pinnedLookup(addresses: LookupAddress[]): LookupFunction {
  return ((
    _hostname: string,
    options: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (options?.all) callback(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  }) as LookupFunction;
}

function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  lookup: LookupFunction,
  timeoutMs: number,
): Promise<number> {
  const options: RequestOptions = {
    method: 'POST',
    headers,
    lookup,
    signal: AbortSignal.timeout(timeoutMs),
    // No connection reuse: each delivery resolves and checks its target afresh.
    agent: false,
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(url, options, (response: IncomingMessage) => {
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_ANSWER_BYTES) response.destroy();
      });
      response.on('close', () => resolve(response.statusCode ?? 0));
      response.on('error', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

function describe(error: unknown): string {
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (name === 'AbortError' || name === 'TimeoutError') return 'No answer within the timeout';
  return code ? `${code}: ${message}` : (message ?? String(error));
}
