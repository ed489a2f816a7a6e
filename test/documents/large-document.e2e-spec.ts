import { Client } from 'pg';
import { demoUser, issueToken, type DemoUserId } from '@fairtender/auth';
import { canonicalJson, sealContent, sha256, unwrapDataKey } from '@fairtender/crypto';
import { bidStream, refusalStream, tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { expectStatus } from '../award/award-fixtures';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';
import { digestResponse, GeneratedDocument } from './document-bytes';
import { UploadClient } from './uploads';

const MiB = 1024 * 1024;

async function bearer(user: DemoUserId): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await issueToken(api.config.auth, demoUser(user))}` };
}
// Generated as it is sent and hashed as it is read back: never in memory (the point of the test).
const DOCUMENT = new GeneratedDocument(200 * MiB);

/**
 * Issue 18's "done when", on PostgreSQL: a 200 MB document uploaded in two PATCHes (the second
 * resuming mid-chunk), submitted in a sealed bid, refused before opening, read after opening
 * byte for byte against its SHA-256, and verified; a changed chunk is then named by verification.
 * Beside it, a bid stored as v1 with an inline document still opens and verifies.
 */
let api: RunningApi;

describe('a 200 MB bid document, sealed, opened and verified (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let tenderId: string;
  let deadline: number;
  let acme: UploadClient;
  let documentId: string;
  const expectedSha256 = DOCUMENT.sha256();

  beforeAll(async () => {
    database = await createScratchDatabase('documents');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    const alice = api.as('officer-alice');
    const terms = noticeTerms(api.clock.now(), { evaluatorCount: 2 });
    deadline = Date.parse(terms.submissionDeadline);
    tenderId = expectStatus(await alice.post('/tenders', terms), 201).tenderId;
    expectStatus(await alice.post(`/tenders/${tenderId}/publication`), 200);
    acme = new UploadClient(api, 'supplier-acme', tenderId);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('uploads 200 MB in two PATCHes, the second resuming mid-chunk', async () => {
    const created = expectStatus(
      await acme.create('drawings.pdf', 'application/pdf', DOCUMENT.size),
      201,
    );
    documentId = created.uploadId;
    expect(created).toMatchObject({ offset: 0, sizeBytes: DOCUMENT.size, finished: false });

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = Date.now();
    const split = 70 * MiB + 12_345;
    const first = await acme.patch(documentId, 0, DOCUMENT.bytes(0, split));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ offset: split, finished: false });
    expect(await acme.head(documentId)).toEqual({
      status: 200,
      offset: split,
      length: DOCUMENT.size,
    });

    const last = await acme.patch(documentId, split, DOCUMENT.bytes(split));
    clearInterval(sampler);
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({
      offset: DOCUMENT.size,
      finished: true,
      document: { documentId, sha256: expectedSha256, mediaType: 'application/pdf' },
    });
    // Reported, not asserted: client and server share this process and its garbage collector, so
    // the growth says little about one upload's working set (bench:upload measures that).
    const growth = (peak - baseline) / MiB;
    process.stdout.write(
      `200 MB upload: ${((Date.now() - started) / 1000).toFixed(1)} s, RSS growth ${growth.toFixed(0)} MB\n`,
    );
  });

  it('puts the document in the bid by reference: the event holds its facts, not its bytes', async () => {
    const placed = expectStatus(
      await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, {
        ...bidBody(41_000_000, 'acme'),
        documentIds: [documentId],
      }),
      201,
    );
    expect(placed.documents).toEqual([
      {
        documentId,
        name: 'drawings.pdf',
        mediaType: 'application/pdf',
        sizeBytes: DOCUMENT.size,
        sha256: expectedSha256,
      },
    ]);
    const [event] = await api.store.readStream(bidStream(tenderId, 'acme'));
    expect(event).toMatchObject({ type: 'BidSubmitted', version: 2 });
    expect(event.data).toMatchObject({
      documents: [{ documentId, sizeBytes: DOCUMENT.size, sha256: expectedSha256 }],
    });
    expect(JSON.stringify(event.data).length).toBeLessThan(8000);
    // The commitment covers the reference, and so the document's hash.
    const content = {
      ...bidBody(41_000_000, 'acme'),
      documents: [...bidBody(0, 'acme').documents, ...placed.documents],
    };
    expect(placed.receipt.payload.contentHash).toBe(sha256(canonicalJson(content)).toString('hex'));
  });

  it('keeps a bid stored as v1, with its document inline, as it was', async () => {
    // Written the way bids were stored before uploads existed: version 1, no `documents`.
    const [issued] = (await api.store.readStream(tenderStream(tenderId))).filter(
      (event) => event.type === 'BidSealingKeyIssued',
    );
    const wrapped = issued.data as { keyId: string; wrappedKey: string };
    const key = unwrapDataKey(api.config.sealing.masterKey, wrapped);
    const content = bidBody(43_000_000, 'cedar');
    const json = canonicalJson(content);
    await api.store.append(
      bidStream(tenderId, 'cedar'),
      [
        {
          eventId: crypto.randomUUID(),
          type: 'BidSubmitted',
          version: 1,
          data: {
            tenderId,
            supplierId: 'cedar',
            receivedAt: api.clock.now().toISOString(),
            noticeVersion: 1,
            contentHash: sha256(json).toString('hex'),
            sizeBytes: Buffer.byteLength(json),
            sealed: sealContent(key, wrapped.keyId, Buffer.from(json), `${tenderId}/cedar`),
          },
          metadata: { actor: { userId: 'u-cedar', organisationId: 'cedar', role: 'supplier' } },
        },
      ],
      'no_stream',
    );
  });

  it('refuses the document to everyone before opening, and records the attempt', async () => {
    const response = await acme.download('officer-alice', 'acme', documentId);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe('SEALED');
    const sealedEvidence = await fetch(
      `${api.baseUrl}/tenders/${tenderId}/evidence/documents/${documentId}`,
      { headers: await bearer('auditor-ada') },
    );
    expect(sealedEvidence.status).toBe(403);
    const refusals = await api.store.readStream(refusalStream(tenderId));
    expect(refusals.map((event) => event.type)).toContain('SealedContentReadRefused');
  });

  it('after opening, streams the document back byte for byte and verifies it', async () => {
    const alice = api.as('officer-alice');
    api.clock.set(new Date(deadline + 1000));
    expectStatus(await alice.post(`/tenders/${tenderId}/closing`), 200);
    expectStatus(await alice.post(`/tenders/${tenderId}/opening`), 200);
    expectStatus(await api.as('officer-bob').post(`/tenders/${tenderId}/opening`), 200);

    const started = Date.now();
    const response = await acme.download('officer-alice', 'acme', documentId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(await digestResponse(response)).toEqual({
      length: DOCUMENT.size,
      sha256: expectedSha256,
    });
    process.stdout.write(
      `200 MB read after opening: ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const inline = expectStatus(await alice.get(`/tenders/${tenderId}/bids/cedar/content`), 200);
    expect(inline.content.documents[0]).toMatchObject({ name: 'method-statement.txt' });

    const verified = expectStatus(
      await api.as('auditor-ada').post(`/tenders/${tenderId}/verification`),
      200,
    );
    expect(verified).toMatchObject({ intact: true, documents: { checked: 1, changed: [] } });

    // The evidence bundle lists the document; its sealed bytes come on request and match the listing.
    const bundle = await api.as('auditor-ada').get(`/tenders/${tenderId}/evidence`);
    const manifest = JSON.parse((bundle.body as string).trim().split('\n').at(-1)!).manifest;
    expect(manifest.documents).toEqual([
      expect.objectContaining({ documentId, sha256: expectedSha256, sizeBytes: DOCUMENT.size }),
    ]);
    const sealedBytes = await fetch(
      `${api.baseUrl}/tenders/${tenderId}/evidence/documents/${documentId}`,
      { headers: await bearer('auditor-ada') },
    );
    expect(sealedBytes.status).toBe(200);
    expect((await digestResponse(sealedBytes)).sha256).toBe(manifest.documents[0].sealedSha256);

    // Legal acts for its own authority only: another authority's legal is refused the sealed bytes.
    const foreignLegal = await fetch(
      `${api.baseUrl}/tenders/${tenderId}/evidence/documents/${documentId}`,
      {
        headers: {
          authorization: `Bearer ${await issueToken(api.config.auth, { userId: 'legal-lou', organisationId: 'authority-2', role: 'legal' })}`,
        },
      },
    );
    expect(foreignLegal.status).toBe(403);
    expect(((await foreignLegal.json()) as { code: string }).code).toBe('NOT_YOUR_ORGANISATION');
  });

  it('names a document whose stored bytes changed, and refuses to serve them', async () => {
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    try {
      await sql.query(
        `UPDATE bid_document_chunks SET bytes = overlay(bytes placing '\\x00'::bytea from 100 for 1)
          WHERE upload_id = $1 AND seq = 3`,
        [documentId],
      );
    } finally {
      await sql.end();
    }
    const verified = expectStatus(
      await api.as('auditor-ada').post(`/tenders/${tenderId}/verification`),
      200,
    );
    expect(verified.intact).toBe(false);
    expect(verified.documents.changed).toEqual([
      expect.objectContaining({ documentId, streamName: bidStream(tenderId, 'acme') }),
    ]);
    const response = await acme.download('officer-alice', 'acme', documentId);
    const read = await digestResponse(response);
    expect(read.length).toBeLessThan(DOCUMENT.size);
  });
});
