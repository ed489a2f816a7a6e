#!/usr/bin/env node
// Fairtender evidence-bundle verifier: one file, plain Node (>= 18), no dependencies, no network.
// An independent implementation of docs/legal-replay.md "Verifying a bundle offline" (format
// fairtender-evidence/1), for an expert who does not want to install or trust the application:
//
//   node verify-bundle.mjs <bundle directory | bundle.ndjson> [--json]
//
// Exit codes (the same as `fairtender`): 0 intact, 2 usage, 3 no bundle at that path,
// 4 the bundle is not intact (the first break is printed: line, stream, revision, reason, hashes).
/* eslint-disable no-console -- a command-line tool: stdout is its report */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FORMAT = 'fairtender-evidence/1';
const GENESIS = '0'.repeat(64);
const EXIT = { ok: 0, usage: 2, notFound: 3, integrity: 4 };

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// RFC 8785 (JSON Canonicalization Scheme): sorted keys (UTF-16 order), ECMAScript number and string forms.
function canonical(value) {
  if (value === null || typeof value === 'boolean' || typeof value === 'string')
    return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('a number JSON cannot represent');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  throw new Error(`a value of type ${typeof value}`);
}

function chainHash(previousHex, contentHex, revision) {
  const revisionBytes = Buffer.alloc(8);
  revisionBytes.writeBigInt64BE(BigInt(revision));
  return createHash('sha256')
    .update(Buffer.from(previousHex, 'hex'))
    .update(Buffer.from(contentHex, 'hex'))
    .update(revisionBytes)
    .digest('hex');
}

function parsePosition(text) {
  const match = /^(\d+)-(\d+)$/.exec(String(text));
  return match ? [BigInt(match[1]), BigInt(match[2])] : undefined;
}
const after = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

class Usage extends Error {}
class NotFound extends Error {}

/** The manifest and the event lines (as text), from a directory or a single .ndjson file. */
function readBundle(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new NotFound(`No bundle at ${path}`);
  }
  const split = (text) => {
    const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    if (lines.at(-1) === '') lines.pop();
    return lines;
  };
  if (info.isDirectory()) {
    const manifest = JSON.parse(readFileSync(join(path, 'manifest.json'), 'utf8'));
    return { manifest, lines: split(readFileSync(join(path, 'events.ndjson'), 'utf8')) };
  }
  const lines = split(readFileSync(path, 'utf8'));
  const last = JSON.parse(lines.pop() ?? '{}');
  if (!last.manifest) throw new Error('the last line of the file is not {"manifest": …}');
  return { manifest: last.manifest, lines };
}

export function verify({ manifest, lines }) {
  const breaks = [];
  const broken = (line, reason, extra = {}) =>
    breaks.push({
      line,
      streamName: extra.streamName ?? null,
      revision: extra.revision ?? null,
      reason,
      expectedHash: extra.expected ?? null,
      actualHash: extra.actual ?? null,
      message: extra.message ?? reason,
    });
  if (manifest?.format !== FORMAT)
    broken(null, 'manifest-mismatch', { message: `format is not ${FORMAT}` });

  const events = [];
  let previousPosition;
  let sealed = 0;
  let withheld = 0;
  lines.forEach((text, index) => {
    const line = index + 1;
    const digest = sha256(Buffer.from(text, 'utf8'));
    const listed = manifest?.lineSha256?.[index];
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      event = undefined;
    }
    if (digest !== listed)
      broken(line, 'line-digest-mismatch', {
        streamName: event?.streamName,
        revision: event?.revision,
        expected: listed ?? null,
        actual: digest,
      });
    if (event === undefined) return broken(line, 'malformed-line', { message: 'not JSON' });
    if (typeof event !== 'object' || event === null || Array.isArray(event))
      return broken(line, 'malformed-line', { message: 'not a JSON object' });
    let canonicalText;
    try {
      canonicalText = canonical(event);
    } catch (error) {
      return broken(line, 'malformed-line', { message: error.message });
    }
    if (canonicalText !== text) broken(line, 'not-canonical', { streamName: event.streamName });
    const position = parsePosition(event.position);
    if (!position) broken(line, 'malformed-line', { message: `position "${event.position}"` });
    else {
      if (previousPosition && !after(position, previousPosition))
        broken(line, 'position-order', { streamName: event.streamName });
      previousPosition = position;
    }
    if (event.sealed === true) return void sealed++;
    let content;
    if (Array.isArray(event.withheld)) {
      withheld++;
      content = event.contentHash;
    } else {
      const { data, eventId, metadata, streamName, type, version } = event;
      content = sha256(
        Buffer.from(canonical({ data, eventId, metadata, streamName, type, version }), 'utf8'),
      );
    }
    events.push({ line, event, content });
  });

  // Per stream: revisions 0, 1, 2… rising in line order, each chained to the one before.
  const streams = new Map();
  for (const entry of events) {
    const list = streams.get(entry.event.streamName) ?? [];
    list.push(entry);
    streams.set(entry.event.streamName, list);
  }
  for (const [streamName, list] of streams) {
    let previousHash = GENESIS;
    list.forEach(({ line, event, content }, expected) => {
      const at = { streamName, revision: event.revision };
      if (event.revision !== expected) {
        const reason =
          event.revision < expected
            ? list.some((other, i) => i < expected && other.event.revision === event.revision)
              ? 'duplicate-revision'
              : 'revision-order'
            : 'missing-event';
        broken(line, reason, {
          ...at,
          message: `revision ${event.revision} where ${expected} was due`,
        });
      }
      if (event.previousHash !== previousHash)
        broken(line, 'previous-hash-mismatch', {
          ...at,
          expected: previousHash,
          actual: event.previousHash ?? null,
        });
      const recomputed = chainHash(event.previousHash ?? GENESIS, content, event.revision);
      if (recomputed !== event.hash)
        broken(line, 'content-changed', {
          ...at,
          expected: event.hash ?? null,
          actual: recomputed,
        });
      previousHash = event.hash;
    });
  }

  // Anchors: the opening commits to each bid stream's head as it was.
  const tenderStream = `tender-${manifest?.tenderId}`;
  let anchors = 0;
  for (const { line, event } of streams.get(tenderStream) ?? []) {
    if (event.type !== 'BidsOpened') continue;
    for (const head of event.data?.bidStreams ?? []) {
      anchors++;
      const at = { streamName: head.streamName, revision: head.revision, expected: head.hash };
      if (!String(head.streamName).startsWith(`${tenderStream}.`)) {
        broken(line, 'anchor-outside-tender', at);
        continue;
      }
      const anchored = (streams.get(head.streamName) ?? []).find(
        (entry) => entry.event.revision === head.revision,
      );
      if (!anchored) broken(line, 'anchored-head-missing', at);
      else if (anchored.event.hash !== head.hash)
        broken(line, 'anchored-head-mismatch', { ...at, actual: anchored.event.hash });
    }
  }

  // The manifest: counts, the whole file's digest, the stream heads.
  const mismatch = (message) => broken(null, 'manifest-mismatch', { message });
  if (manifest?.eventCount !== lines.length || manifest?.lineSha256?.length !== lines.length)
    mismatch(`${lines.length} event lines, the manifest says ${manifest?.eventCount}`);
  const whole = sha256(Buffer.from(lines.map((line) => `${line}\n`).join(''), 'utf8'));
  if (whole !== manifest?.eventsSha256)
    mismatch(`events SHA-256 is ${whole}, not ${manifest?.eventsSha256}`);
  if (manifest?.sealedEvents !== sealed) mismatch(`${sealed} sealed placeholders`);
  if (manifest?.withheldEvents !== withheld) mismatch(`${withheld} events with withheld fields`);
  const listedStreams = new Set();
  for (const head of manifest?.streams ?? []) {
    listedStreams.add(head.streamName);
    const list = streams.get(head.streamName) ?? [];
    const last = list.at(-1)?.event;
    if (
      list.length !== head.events ||
      last?.revision !== head.headRevision ||
      last?.hash !== head.headHash
    )
      mismatch(`stream ${head.streamName} does not end at @${head.headRevision} ${head.headHash}`);
  }
  for (const streamName of streams.keys())
    if (!listedStreams.has(streamName)) mismatch(`stream ${streamName} is not in the manifest`);

  // The first break is the lowest line (a chain or anchor break before a digest mismatch on the
  // same line); manifest-wide mismatches come last.
  const digestLast = (b) => (b.reason === 'line-digest-mismatch' ? 1 : 0);
  breaks.sort(
    (a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || digestLast(a) - digestLast(b),
  );
  return {
    tenderId: manifest?.tenderId ?? null,
    intact: breaks.length === 0,
    lines: lines.length,
    eventsChecked: events.length,
    sealedEvents: sealed,
    withheldEvents: withheld,
    anchorsChecked: anchors,
    upTo: manifest?.upTo ?? null,
    breaks,
  };
}

function main(argv) {
  const args = argv.filter((arg) => arg !== '--json');
  const json = args.length !== argv.length;
  if (args.length !== 1 || args[0].startsWith('-'))
    throw new Usage('usage: node verify-bundle.mjs <bundle directory | bundle.ndjson> [--json]');
  const report = verify(readBundle(args[0]));
  if (json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(
      `bundle of tender ${report.tenderId}: ${report.intact ? 'intact' : 'BROKEN'} — ${report.lines} lines, ${report.eventsChecked} events chained, ${report.sealedEvents} sealed placeholders, ${report.anchorsChecked} anchored heads, up to position ${report.upTo ?? '—'}`,
    );
    const [first] = report.breaks;
    if (first) {
      console.log('first break:');
      for (const key of ['line', 'streamName', 'revision', 'reason', 'expectedHash', 'actualHash'])
        if (first[key] !== null) console.log(`  ${key.padEnd(12)} ${first[key]}`);
      console.log(`  ${first.message}`);
    }
  }
  return report.intact ? EXIT.ok : EXIT.integrity;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(error.message);
  process.exitCode =
    error instanceof Usage
      ? EXIT.usage
      : error instanceof NotFound
        ? EXIT.notFound
        : EXIT.integrity;
}
