const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * The only sources a page may use: its own inline styles. No script, font, image or frame from
 * anywhere, so a page kept on disk or opened through a link shows exactly what the server rendered.
 */
export const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const STYLE = `
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;padding:2rem;max-width:72rem;color:#1b1b1b;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #1d3557;padding-bottom:.2rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
.lede{color:#444;margin:.25rem 0 1rem;max-width:60rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.3rem 0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
dl dl{border-left:2px solid #e3e3e3;padding-left:.6rem}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
code,.hash{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;overflow-wrap:anywhere}
.verdict{border:2px solid;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
.verdict h2{border:0;margin:0 0 .3rem;padding:0}
.verdict.intact{border-color:#2a7a3b;background:#eef8f0}.verdict.broken{border-color:#b3261e;background:#fdeeee}
.verdict.unchecked{border-color:#8a6d00;background:#fff8e1}
ol.record{list-style:none;padding:0;margin:0}
ol.record>li{border-bottom:1px solid #e6e6e6;padding:.6rem 0}
.when{color:#444;font-variant-numeric:tabular-nums}
.sentence{margin:.15rem 0}
.badge{display:inline-block;font-size:12px;font-weight:600;border-radius:3px;padding:0 .4rem;margin-left:.3rem;vertical-align:1px}
.badge.sealed{background:#5c5c5c;color:#fff}.badge.withheld{background:#8a6d00;color:#fff}.badge.look{background:#1d3557;color:#fff}
li.sealed .sentence{font-style:italic;color:#555}
.facts{font-size:13px;color:#333;margin:.3rem 0 0}
.chain{font-size:12px;color:#666}
.flag{border-left:4px solid #b3261e;padding:.2rem .8rem;margin:.8rem 0;background:#fdf6f6}
.note{color:#555;max-width:60rem}
figure{margin:1rem 0}figcaption{color:#444;font-size:13px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",sans-serif}
@media print{body{padding:0}.verdict{break-inside:avoid}ol.record>li{break-inside:avoid}}`;

/** A self-contained page: its content security policy is also sent as a header by the server. */
export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${PAGE_CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style></head>
<body>
${body}
</body></html>
`;
}

/**
 * Any JSON value, whole: objects as definition lists, arrays as numbered items, text as it is.
 * Nothing is shortened; a long text wraps.
 */
export function valueHtml(value: unknown): string {
  if (value === null || value === undefined) return '<em>none</em>';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return escapeHtml(String(value));
  if (Array.isArray(value)) {
    if (value.length === 0) return '<em>none</em>';
    if (value.every((item) => item === null || typeof item !== 'object'))
      return value.map((item) => valueHtml(item)).join(', ');
    return `<dl>${value.map((item, i) => `<dt>${i + 1}</dt><dd>${valueHtml(item)}</dd>`).join('')}</dl>`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '<em>none</em>';
  return `<dl>${entries.map(([key, item]) => `<dt>${escapeHtml(key)}</dt><dd>${valueHtml(item)}</dd>`).join('')}</dl>`;
}
