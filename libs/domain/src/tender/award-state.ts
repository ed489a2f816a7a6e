import type { AwardProposal, StandstillStarted } from './events/award';

export interface AwardState extends AwardProposal {
  confirmedBy?: string;
  standstill?: StandstillStarted['data'];
  standstillEndedAt?: string;
  /** Challenge ids suspending this award (PA 2023 s.101). Empty: not suspended. */
  suspendedBy: string[];
}
