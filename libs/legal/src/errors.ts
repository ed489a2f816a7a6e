/** Why a replay request was refused: the API answers `status` with `{ code, message, details }`. */
export type ReplayErrorCode =
  'TENDER_NOT_FOUND' | 'INVALID_MOMENT' | 'INVALID_CURSOR' | 'INVALID_BUNDLE';

const STATUS: Record<ReplayErrorCode, number> = {
  TENDER_NOT_FOUND: 404,
  INVALID_MOMENT: 400,
  INVALID_CURSOR: 400,
  INVALID_BUNDLE: 422,
};

/**
 * A refusal by legal replay. It carries its HTTP status so that the API's one exception filter maps
 * it like any library error with a status, and the command line prints its message.
 */
export class ReplayError extends Error {
  readonly status: number;

  constructor(
    readonly code: ReplayErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ReplayError';
    this.status = STATUS[code];
  }
}

export const tenderNotFound = (tenderId: string) =>
  new ReplayError('TENDER_NOT_FOUND', `No tender ${tenderId}`, { tenderId });
