import type { AwardEvent } from './events/award';
import type { ChallengeEvent } from './events/challenge';
import type { ContractEvent } from './events/contract';
import type { EvaluationTenderEvent } from './events/evaluation';
import type { NoticeEvent } from './events/notice';
import type { PlanningEvent } from './events/planning';

/** Every event of the tender stream `tender-<id>`, across the lifecycle. */
export type TenderEvent =
  PlanningEvent | NoticeEvent | EvaluationTenderEvent | AwardEvent | ChallengeEvent | ContractEvent;
