import { loadConfig } from './app-config';
import { expectRefused } from './testing/refused-environment';

const GiB = 1024 * 1024 * 1024;

describe('document settings', () => {
  it('keeps documents in the database by default, with limits that fit real bids', () => {
    const { documents } = loadConfig({});
    expect(documents).toMatchObject({
      store: { kind: 'database' },
      documentMaxBytes: GiB / 2,
      bidMaxBytes: GiB,
      uploadExpiryMs: 24 * 3_600_000,
    });
    expect(documents.mediaTypes).toEqual(expect.arrayContaining(['application/pdf', 'text/csv']));
  });

  it('reads S3, the limits and the media types from the environment', () => {
    const { documents } = loadConfig({
      DOCUMENT_STORE: 's3',
      S3_BUCKET: 'bids',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      DOCUMENT_MAX_BYTES: '1000',
      BID_UPLOADS_MAX_BYTES: '2000',
      UPLOAD_EXPIRY_HOURS: '2',
      DOCUMENT_MEDIA_TYPES: 'application/pdf,image/png',
    });
    expect(documents).toEqual({
      store: {
        kind: 's3',
        endpoint: 'http://127.0.0.1:9000',
        region: 'us-east-1',
        bucket: 'bids',
        prefix: 'bid-documents/',
        credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      },
      documentMaxBytes: 1000,
      bidMaxBytes: 2000,
      uploadExpiryMs: 7_200_000,
      mediaTypes: ['application/pdf', 'image/png'],
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ DOCUMENT_STORE: 's3' }, 'S3_BUCKET is required (DOCUMENT_STORE=s3 needs it)'],
    [{ DOCUMENT_STORE: 'disk' }, 'DOCUMENT_STORE must be one of database, s3'],
    [{ DOCUMENT_MAX_BYTES: '0' }, 'DOCUMENT_MAX_BYTES must be a whole number of bytes'],
    [{ BID_UPLOADS_MAX_BYTES: '1GiB' }, 'BID_UPLOADS_MAX_BYTES must be a whole number of bytes'],
    [{ UPLOAD_EXPIRY_HOURS: '0' }, 'UPLOAD_EXPIRY_HOURS must be a whole number of hours'],
    [{ DOCUMENT_MEDIA_TYPES: 'pdf' }, 'DOCUMENT_MEDIA_TYPES must be comma-separated media types'],
    [{ S3_ENDPOINT: 'ftp://x' }, 'S3_ENDPOINT must be a URL'],
  ])('refuses %j', (env, message) => expectRefused(env, message));
});
