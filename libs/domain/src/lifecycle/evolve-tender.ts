import { evolveAward } from '../award/evolve';
import { evolveChallenge } from '../challenge/evolve';
import { evolveContract } from '../contract/evolve';
import { evolveEvaluation } from '../evaluation/evolve';
import type { NoticeEvent } from '../notice/events';
import { evolveNotice } from '../notice/evolve';
import type { TenderState } from '../notice/state';
import type { TenderEvent } from './tender-events';

const STAGE_EVOLVERS = [evolveEvaluation, evolveAward, evolveChallenge, evolveContract];

/**
 * Folds one tender-stream event into the state, whichever stage it belongs to. Each stage folds its
 * own events and passes the others through; events nobody knows (newer code) leave the state alone.
 */
export function evolveTender(state: TenderState, event: TenderEvent): TenderState {
  let next = evolveNotice(state, event as NoticeEvent);
  if (next !== state) return next;
  for (const evolveStage of STAGE_EVOLVERS) {
    next = evolveStage(state, event);
    if (next !== state) return next;
  }
  return state;
}
