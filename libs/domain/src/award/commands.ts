import type { Actor, CommandActor } from '../shared/actor';
import type { StandstillRules } from './standstill';

interface CommandBase {
  actor: Actor;
  now: Date;
}

export type AwardCommand =
  /** `standstillRules` come from configuration: the calendars the standstill is counted on. */
  | (CommandBase & {
      type: 'ProposeAward';
      supplierId: string;
      justification?: string;
      standstillRules: StandstillRules;
    })
  | (CommandBase & {
      type: 'ProposeDirectAward';
      supplierId: string;
      ground: string;
      justification: string;
      standstillRules: StandstillRules;
    })
  | (CommandBase & { type: 'ConfirmAward'; standstillRules: StandstillRules })
  | (CommandBase & { type: 'DeclareUnsuccessful'; reason: string })
  /** The scheduler records that the standstill has run. */
  | { type: 'EndStandstill'; actor: CommandActor; now: Date };
