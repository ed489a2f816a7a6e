import type { Actor, CommandActor } from '../shared/actor';
import type { BidStreamHead } from '../tender/events/notice';
import type { AmendableTerms, NoticeTerms } from '../tender/terms';
import type { PlanningRules } from '../tender/planning-rules';

/** Fields every command carries: who, and the server's clock (time is injected, never read). */
interface CommandBase {
  actor: Actor;
  now: Date;
}

export type NoticeCommand =
  | (CommandBase & { type: 'DraftTender'; tenderId: string; terms: NoticeTerms })
  | (CommandBase & { type: 'ReviseDraft'; terms: NoticeTerms })
  /** `planningRules` from configuration; absent: DEFAULT_PLANNING_RULES. */
  | (CommandBase & {
      type: 'PublishTender';
      sealingKey: { keyId: string; wrappedKey: string };
      planningRules?: PlanningRules;
    })
  | (CommandBase & { type: 'AmendNotice'; changes: AmendableTerms; reason: string })
  | (CommandBase & { type: 'CancelTender'; reason: string })
  | (CommandBase & { type: 'AskClarification'; questionId: string; question: string })
  | (CommandBase & { type: 'AnswerClarification'; questionId: string; answer: string })
  /** Deadline commands: an officer of the buyer, or the scheduler (a system actor) at the deadline. */
  | { type: 'CloseTendering'; actor: CommandActor; now: Date }
  | { type: 'CloseClarificationPeriod'; actor: CommandActor; now: Date }
  /** `bidStreams`: the head of every bid stream, read by the handler just before deciding. */
  | (CommandBase & {
      type: 'ConfirmBidOpening';
      openingWindowMs: number;
      bidStreams: BidStreamHead[];
    });

export type Command<Type extends NoticeCommand['type']> = Extract<NoticeCommand, { type: Type }>;
