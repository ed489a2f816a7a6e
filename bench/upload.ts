/**
 * bench:upload — MB/s of a sealed document upload beside a plain file copy of the same bytes, in the
 * same run, and the RSS the upload needs.
 *
 * The sealed path is the server's: the plaintext read from a file in pieces, cut into 1 MiB chunks,
 * each sealed (AES-256-GCM) and stored as a row of `bid_document_chunks` on PostgreSQL, then the
 * finish: every chunk read back, opened and hashed (SHA-256 of plaintext and of the sealed bytes).
 * The plain copy streams the same file to another file. HTTP is left out: its cost is the same
 * either way, and the e2e (test/documents/large-document.e2e-spec.ts) times the whole path.
 *
 * Optional: DATABASE_URL (PostgreSQL admin URL), BENCH_UPLOAD_MB (default 500).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes, randomUUID } from 'node:crypto';
import { digestDocument, SqlDocumentStore, UploadWriter } from '@fairtender/documents';
import { migrate, PgSqlClient } from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';

const MiB = 1024 * 1024;
const SIZE = Number(process.env.BENCH_UPLOAD_MB ?? '500') * MiB;

async function writeSource(path: string): Promise<void> {
  const pattern = randomBytes(MiB + 13);
  pattern.write('%PDF-1.7\n', 0);
  async function* pieces() {
    for (let offset = 0; offset < SIZE;) {
      const at = offset % pattern.length;
      const length = Math.min(pattern.length - at, SIZE - offset, 256 * 1024);
      yield pattern.subarray(at, at + length);
      offset += length;
    }
  }
  await pipeline(pieces, createWriteStream(path));
}

function rssSampler() {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return {
    stop: () => {
      clearInterval(timer);
      return { baselineMb: baseline / MiB, peakMb: peak / MiB };
    },
  };
}

const mbps = (bytes: number, ms: number) => (bytes / MiB / (ms / 1000)).toFixed(1);

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'fairtender-upload-'));
  const database = await createScratchDatabase('bench_upload');
  const client = new PgSqlClient({ connectionString: database.url });
  try {
    await migrate(client);
    const store = new SqlDocumentStore(client);
    const source = join(dir, 'source.pdf');
    await writeSource(source);

    let started = performance.now();
    await pipeline(createReadStream(source), createWriteStream(join(dir, 'copy.pdf')));
    const copyMs = performance.now() - started;

    const key = randomBytes(32);
    const upload = await store.createUpload({
      uploadId: randomUUID(),
      tenderId: randomUUID(),
      supplierId: 'acme',
      name: 'source.pdf',
      declaredMediaType: 'application/pdf',
      declaredSize: SIZE,
      createdAt: new Date().toISOString(),
    });
    const memory = rssSampler();
    started = performance.now();
    const writer = await UploadWriter.resume(store, key, upload, () => new Date());
    for await (const piece of createReadStream(source, { highWaterMark: 64 * 1024 })) {
      await writer.write(piece as Buffer);
    }
    const stored = await writer.flush();
    const storeMs = performance.now() - started;
    const afterStore = memory.stop();
    const finishMemory = rssSampler();
    started = performance.now();
    await digestDocument(store, key, stored);
    const finishMs = performance.now() - started;
    const finished = finishMemory.stop();
    const baselineMb = afterStore.baselineMb;
    const peakMb = Math.max(afterStore.peakMb, finished.peakMb);

    console.log(`bench:upload — ${SIZE / MiB} MiB document, PostgreSQL, one run`);
    console.log(
      `  plain file copy          ${mbps(SIZE, copyMs).padStart(7)} MB/s  (${(copyMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  sealed upload (store)    ${mbps(SIZE, storeMs).padStart(7)} MB/s  (${(storeMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  finish (read back, hash) ${mbps(SIZE, finishMs).padStart(7)} MB/s  (${(finishMs / 1000).toFixed(1)} s)`,
    );
    console.log(`  sealed upload end to end ${mbps(SIZE, storeMs + finishMs).padStart(7)} MB/s`);
    console.log(
      `  RSS: ${baselineMb.toFixed(0)} MB before, peak ${peakMb.toFixed(0)} MB (+${(peakMb - baselineMb).toFixed(0)} MB;` +
        ` storing +${(afterStore.peakMb - baselineMb).toFixed(0)}, finishing +${(finished.peakMb - baselineMb).toFixed(0)})`,
    );
  } finally {
    await client.close();
    await database.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
