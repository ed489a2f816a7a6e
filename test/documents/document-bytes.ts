import { createHash, randomBytes } from 'node:crypto';

/**
 * A document of any size that is never held in memory: a 1 MiB + 13 bytes random pattern repeated
 * (never aligned with the server's chunks), starting with a PDF signature so that it passes the
 * content check as application/pdf.
 */
export class GeneratedDocument {
  private readonly pattern = randomBytes(1024 * 1024 + 13);

  constructor(readonly size: number) {
    this.pattern.write('%PDF-1.7\n%\u00e2\u00e3\n', 0, 'latin1');
  }

  *bytes(start = 0, end = this.size): Generator<Buffer> {
    for (let offset = start; offset < end;) {
      const at = offset % this.pattern.length;
      const length = Math.min(this.pattern.length - at, end - offset, 256 * 1024);
      yield this.pattern.subarray(at, at + length);
      offset += length;
    }
  }

  sha256(): string {
    const hash = createHash('sha256');
    for (const piece of this.bytes()) hash.update(piece);
    return hash.digest('hex');
  }
}

/** A request body streamed from a generator (fetch sends it chunked, as a browser would). */
export function streamedBody(pieces: Iterable<Buffer>, failAfter?: number): ReadableStream {
  const iterator = pieces[Symbol.iterator]();
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) {
        controller.error(new Error('connection lost'));
        return;
      }
      const next = iterator.next();
      if (next.done) controller.close();
      else {
        sent += next.value.length;
        controller.enqueue(new Uint8Array(next.value));
      }
    },
  });
}

/** Reads a response body without keeping it: its length and SHA-256, or where it broke off. */
export async function digestResponse(
  response: Response,
): Promise<{ length: number; sha256: string; error?: string }> {
  const hash = createHash('sha256');
  let length = 0;
  try {
    for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(piece);
      length += piece.length;
    }
  } catch (error) {
    return { length, sha256: hash.digest('hex'), error: (error as Error).message };
  }
  return { length, sha256: hash.digest('hex') };
}
