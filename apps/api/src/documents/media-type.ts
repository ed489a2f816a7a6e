/**
 * A document's media type told by its content (magic bytes, via `file-type`), not by what the
 * supplier says: the declared type must be what the bytes are. Office Open XML and OpenDocument files
 * are ZIP archives; when the archive's first entries do not say which, `application/zip` is taken as
 * consistent with the declared type. Plain text and CSV have no signature: they are accepted when the
 * first bytes are valid UTF-8 without NUL or other binary control bytes.
 */
const ZIP_CONTAINERS = /^application\/vnd\.(openxmlformats-officedocument|oasis\.opendocument)\./;
const TEXT_TYPES = new Set(['text/plain', 'text/csv']);

export async function detectMediaType(head: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  return (await fileTypeFromBuffer(head))?.mime;
}

export async function contentMatches(declared: string, head: Buffer): Promise<boolean> {
  const detected = await detectMediaType(head);
  if (detected === undefined) return TEXT_TYPES.has(declared) && looksLikeText(head);
  if (detected === declared) return true;
  return detected === 'application/zip' && ZIP_CONTAINERS.test(declared);
}

function looksLikeText(head: Buffer): boolean {
  // A multi-byte character cut at the end of the sample is not a reason to refuse.
  const sample = head.subarray(0, Math.max(0, head.length - 3));
  if (!new TextDecoder('utf-8', { fatal: false }).decode(sample).includes('\uFFFD')) {
    return !sample.some((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  }
  return false;
}
