import { ParseUUIDPipe } from '@nestjs/common';

/** A tender id in a path: a UUID, else 400 `INVALID_PARAMETER` (the filter names it). */
export const TenderId = new ParseUUIDPipe({ errorHttpStatusCode: 400 });
