import { escapeHtml, htmlPage } from '@fairtender/legal';
import type { ApiErrorBody } from '../http/api-error';

/** The browser pages' path: their refusals answer HTML, every other route JSON. */
export const isPagePath = (url: string): boolean => url.startsWith('/pages/');

const NEXT_STEP: Record<string, string> = {
  LINK_INVALID: 'Open the link exactly as it was sent, or ask for a new one.',
  NOT_YOUR_ORGANISATION: "The link's issuer may not read this tender's record.",
};

/** A refused page: what happened in words, and the code and request id a support desk asks for. */
export function errorPage(status: number, body: ApiErrorBody): string {
  return htmlPage(
    `${status}: ${body.code}`,
    `<h1>This page cannot be shown</h1>
<p class="lede">${escapeHtml(body.message)}</p>
<p>${escapeHtml(NEXT_STEP[body.code] ?? '')}</p>
<dl><dt>Status</dt><dd>${status}</dd><dt>Code</dt><dd><code id="error-code">${escapeHtml(body.code)}</code></dd><dt>Request</dt><dd><code>${escapeHtml(body.requestId ?? '—')}</code></dd></dl>`,
  );
}
