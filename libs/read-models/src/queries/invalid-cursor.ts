/** A listing cursor that was not produced by `listPublishedNotices` (HTTP 400). */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';
}
