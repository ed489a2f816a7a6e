import type { TenderState, TenderView } from '@fairtender/domain';
import { formatPosition, type CommandOutcome } from '@fairtender/event-store';
import type { TenderCommandResult } from './tender-command-result';

/**
 * What an evaluation, award, challenge or contract command answers: the notice commands' shape (send
 * `position` back as `X-Min-Position`), plus the stream it wrote — the tender's, or for an
 * evaluator's declarations, scores and submission, that evaluator's own.
 */
export interface LifecycleCommandResult extends TenderCommandResult {
  streamName: string;
}

type Outcome = CommandOutcome<TenderState | TenderView, { type: string }>;

export function lifecycleCommandResult(
  tenderId: string,
  streamName: string,
  outcome: Outcome,
): LifecycleCommandResult {
  const tender = 'tender' in outcome.state ? outcome.state.tender : outcome.state;
  const last = outcome.history[outcome.history.length - 1];
  return {
    tenderId,
    stage: tender.stage,
    noticeVersion: tender.notice.version,
    streamName,
    revision: outcome.appended?.nextRevision ?? last?.revision ?? null,
    ...(outcome.appended ? { position: formatPosition(outcome.appended.position) } : {}),
    recorded: outcome.events.map((event) => event.type),
  };
}
