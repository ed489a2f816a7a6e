import { Injectable } from '@nestjs/common';

/**
 * The server's clock: the only source of "now" for commands (receipt times, deadlines). Tests and
 * benchmarks replace it to move time forward instead of waiting days for a deadline.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
