import { Command } from '@nestjs/cqrs';
import type { AmendableTerms, NoticeTerms } from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';
import type { TenderCommandResult } from '../runtime/tender-command-result';

/** The officer drafts a new tender; the server chooses its id. */
export class DraftTenderCommand extends Command<TenderCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly terms: NoticeTerms,
  ) {
    super();
  }
}

/** Publishing also issues the tender's bid-sealing key. */
export class PublishTenderCommand extends Command<TenderCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
  ) {
    super();
  }
}

/** Opening reads the head of every bid stream, so the tender stream commits to every bid. */
export class ConfirmBidOpeningCommand extends Command<TenderCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
  ) {
    super();
  }
}

/** The notice commands that need nothing but the tender stream. */
export type SimpleNoticeChange =
  | { type: 'ReviseDraft'; terms: NoticeTerms }
  | { type: 'AmendNotice'; changes: AmendableTerms; reason: string }
  | { type: 'CancelTender'; reason: string }
  | { type: 'AskClarification'; questionId: string; question: string }
  | { type: 'AnswerClarification'; questionId: string; answer: string }
  | { type: 'CloseTendering' };

export class ChangeTenderCommand extends Command<TenderCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly change: SimpleNoticeChange,
  ) {
    super();
  }
}
