import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import type { PlanningEvent } from '../tender/events/planning';
import { evolveTender } from '../tender/evolve';
import type { TenderEvent } from '../tender/tender-events';
import { initialTenderState, type TenderState } from '../tender/state';
import { approveStrategy } from './approve-strategy';
import type { PlanningCommand } from './commands';
import { reviseConflictsAssessment } from './conflicts-assessment';
import {
  publishEngagementNotice,
  recordSupplierEngagement,
  shareEngagementMaterial,
} from './engagement';
import { openProcurement, reviseProcurementPlan } from './open-procurement';
import { publishTransparencyNotice } from './transparency-notice';

/** Decides a planning command on the tender stream. Pure. */
export function decidePlanning(command: PlanningCommand, state: TenderState): PlanningEvent[] {
  switch (command.type) {
    case 'OpenProcurement':
      return openProcurement(command, state);
    case 'ReviseProcurementPlan':
      return reviseProcurementPlan(command, state);
    case 'ApproveStrategy':
      return approveStrategy(command, state);
    case 'PublishEngagementNotice':
      return publishEngagementNotice(command, state);
    case 'RecordSupplierEngagement':
      return recordSupplierEngagement(command, state);
    case 'ShareEngagementMaterial':
      return shareEngagementMaterial(command, state);
    case 'ReviseConflictsAssessment':
      return reviseConflictsAssessment(command, state);
    case 'PublishTransparencyNotice':
      return publishTransparencyNotice(command, state);
    default:
      return assertNever(command);
  }
}

export const planningDecider: Decider<PlanningCommand, TenderEvent, TenderState> = {
  initialState: initialTenderState,
  evolve: (state, event) => evolveTender(state, event),
  decide: decidePlanning,
};
