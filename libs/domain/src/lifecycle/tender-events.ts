import type { AwardEvent } from '../award/events';
import type { ChallengeEvent } from '../challenge/events';
import type { ContractEvent } from '../contract/events';
import type { EvaluationTenderEvent } from '../evaluation/events';
import type { NoticeEvent } from '../notice/events';

/** Every event of the tender stream `tender-<id>`, across the lifecycle. */
export type TenderEvent =
  NoticeEvent | EvaluationTenderEvent | AwardEvent | ChallengeEvent | ContractEvent;
