import { formatPosition, type CommandOutcome } from '@fairtender/event-store';
import type { NoticeEvent, TenderState } from '@fairtender/domain';

/** What an officer's command answers: where the tender now stands, and where its stream is. */
export interface TenderCommandResult {
  tenderId: string;
  stage: string;
  noticeVersion: number;
  /** Stream revision after the command; `null` only for a tender that has no events. */
  revision: number | null;
  /** Global position of the last event written (omitted when the command changed nothing). */
  position?: string;
  /** The events this command recorded, by type. */
  recorded: string[];
}

export function tenderCommandResult(
  tenderId: string,
  outcome: CommandOutcome<TenderState, NoticeEvent>,
): TenderCommandResult {
  const last = outcome.history[outcome.history.length - 1];
  return {
    tenderId,
    stage: outcome.state.stage,
    noticeVersion: outcome.state.notice.version,
    revision: outcome.appended?.nextRevision ?? last?.revision ?? null,
    ...(outcome.appended ? { position: formatPosition(outcome.appended.position) } : {}),
    recorded: outcome.events.map((event) => event.type),
  };
}
