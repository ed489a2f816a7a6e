import { bidStream } from '@fairtender/domain';
import { expectStatus } from '../award/award-fixtures';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';
import { GeneratedDocument } from './document-bytes';
import { UploadClient } from './uploads';

const MiB = 1024 * 1024;

/**
 * The upload protocol's rules and refusals, on the embedded database (PGlite runs the same SQL),
 * with small limits: 3 MiB per document, 4 MiB per bid.
 */
describe('bid document uploads (embedded)', () => {
  let api: RunningApi;
  let tenderId: string;
  let deadline: number;
  let acme: UploadClient;

  beforeAll(async () => {
    api = await startHttpApi(
      {
        EVENT_STORE: 'embedded',
        EMBEDDED_DATA_DIR: 'memory://',
        DOCUMENT_MAX_BYTES: String(3 * MiB),
        BID_UPLOADS_MAX_BYTES: String(4 * MiB),
      },
      { withProjector: false },
    );
    const alice = api.as('officer-alice');
    const terms = noticeTerms(api.clock.now(), { evaluatorCount: 2 });
    deadline = Date.parse(terms.submissionDeadline);
    tenderId = expectStatus(await alice.post('/tenders', terms), 201).tenderId;
    expectStatus(await alice.post(`/tenders/${tenderId}/publication`), 200);
    acme = new UploadClient(api, 'supplier-acme', tenderId);
  });
  afterAll(() => api?.close());

  async function finishedUpload(size: number, name = 'plan.pdf'): Promise<string> {
    const document = new GeneratedDocument(size);
    const { uploadId } = expectStatus(await acme.create(name, 'application/pdf', size), 201);
    expectStatus(await acme.patch(uploadId, 0, document.bytes()), 200);
    return uploadId;
  }

  it('resumes an upload cut off mid-chunk from the byte the server holds', async () => {
    const document = new GeneratedDocument(2 * MiB + 100);
    const { uploadId } = expectStatus(
      await acme.create('model.pdf', 'application/pdf', document.size),
      201,
    );
    await expect(
      acme.patch(uploadId, 0, document.bytes(), { failAfter: MiB + 300_000 }),
    ).rejects.toThrow();
    // The server stores what arrived once it sees the connection end: wait for the offset to settle.
    let offset = -1;
    for (let settled = 0; settled < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = (await acme.head(uploadId)).offset;
      settled = now === offset ? settled + 1 : 0;
      offset = now;
    }
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(document.size);

    const wrong = await acme.patch(uploadId, 0, document.bytes(0, 10));
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'UPLOAD_OFFSET_MISMATCH', details: { offset } });

    const resumed = await acme.patch(uploadId, offset, document.bytes(offset));
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({
      finished: true,
      document: { documentId: uploadId, sha256: document.sha256() },
    });
    const again = await acme.patch(uploadId, document.size, document.bytes(0, 1));
    expect(again.body.code).toBe('UPLOAD_FINISHED');
  });

  it('refuses what the limits and media types forbid, each with its code', async () => {
    const tooBig = await acme.create('huge.pdf', 'application/pdf', 3 * MiB + 1);
    expect([tooBig.status, tooBig.body.code]).toEqual([413, 'DOCUMENT_TOO_LARGE']);
    const exe = await acme.create('tool.exe', 'application/x-msdownload', 10);
    expect([exe.status, exe.body.code]).toEqual([415, 'DOCUMENT_MEDIA_TYPE_NOT_ALLOWED']);
    const other = new UploadClient(api, 'supplier-birch', tenderId);
    const { uploadId } = expectStatus(await acme.create('x.pdf', 'application/pdf', 20), 201);
    expect((await other.head(uploadId)).status).toBe(404);
    const json = await api
      .as('supplier-acme')
      .request('PATCH', `${acme.base}/${uploadId}`, { bytes: 'no' }, { 'upload-offset': '0' });
    expect(json.status).toBe(415);
  });

  it('removes an upload whose content is not its declared type, or that runs past its size', async () => {
    const text = Buffer.from('Plain words, not a PDF at all.');
    const { uploadId } = expectStatus(
      await acme.create('fake.pdf', 'application/pdf', text.length),
      201,
    );
    const refused = await acme.patch(uploadId, 0, [text]);
    expect(refused.status).toBe(415);
    expect(refused.body).toMatchObject({
      code: 'DOCUMENT_CONTENT_MISMATCH',
      details: { declared: 'application/pdf' },
    });
    expect((await acme.head(uploadId)).status).toBe(404);

    const long = expectStatus(await acme.create('long.pdf', 'application/pdf', 100), 201);
    const overrun = await acme.patch(long.uploadId, 0, new GeneratedDocument(200).bytes());
    expect([overrun.status, overrun.body.code]).toEqual([413, 'UPLOAD_EXCEEDS_DECLARED_SIZE']);
    expect((await acme.head(long.uploadId)).status).toBe(404);

    const csv = Buffer.from('supplier,price\nacme,41000000\n');
    const sheet = expectStatus(await acme.create('prices.csv', 'text/csv', csv.length), 201);
    expect((await acme.patch(sheet.uploadId, 0, [csv])).body.finished).toBe(true);
  });

  it('counts only finished uploads, and holds a bid to the per-bid limit', async () => {
    const unfinished = expectStatus(await acme.create('later.pdf', 'application/pdf', 100), 201);
    const refused = await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, {
      ...bidBody(41_000_000, 'acme'),
      documentIds: [unfinished.uploadId],
    });
    expect([refused.status, refused.body.code]).toEqual([409, 'DOCUMENT_NOT_FINISHED']);

    const first = await finishedUpload(3 * MiB, 'a.pdf');
    const second = await finishedUpload(2 * MiB, 'b.pdf');
    const tooMuch = await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, {
      ...bidBody(41_000_000, 'acme'),
      documentIds: [first, second],
    });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([413, 'BID_DOCUMENTS_TOO_LARGE']);

    const birch = await api.as('supplier-birch').post(`/tenders/${tenderId}/bid`, {
      ...bidBody(39_000_000, 'birch'),
      documentIds: [first],
    });
    expect([birch.status, birch.body.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
    expect(await api.store.readStream(bidStream(tenderId, 'acme'))).toEqual([]);
  });

  it('dates a bid by its submission: a document finished in time does not save a late bid', async () => {
    const documentId = await finishedUpload(MiB);
    api.clock.set(new Date(deadline));
    const late = await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, {
      ...bidBody(41_000_000, 'acme'),
      documentIds: [documentId],
    });
    expect([late.status, late.body.code]).toEqual([409, 'LATE_BID']);
    const stream = await api.store.readStream(bidStream(tenderId, 'acme'));
    expect(stream.map((event) => event.type)).toEqual(['LateBidRefused']);

    const upload = await acme.create('after.pdf', 'application/pdf', 10);
    expect([upload.status, upload.body.code]).toEqual([409, 'LATE_BID']);
  });
});
