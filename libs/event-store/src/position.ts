import { InvalidPositionError } from './errors';
import type { Position } from './port';

export const START: Position = { commit: 0n, prepare: 0n };

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** `"<commit>-<prepare>"`: the form positions take over HTTP, in checkpoints and on the CLI. */
export function formatPosition(position: Position): string {
  return `${position.commit}-${position.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(text);
  if (!match)
    throw new InvalidPositionError(`"${text}" is not a position like "1234-5678"`, {
      position: text,
    });
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
