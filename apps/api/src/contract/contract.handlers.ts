import {
  CommandHandler,
  QueryHandler,
  type ICommandHandler,
  type IQueryHandler,
} from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import {
  contractView,
  DomainError,
  decideContract,
  integrityReport,
  tenderNotFound,
  tenderStream,
  type Actor,
  type ContractCommand,
  type RecordedChangeFlags,
} from '@fairtender/domain';
import {
  lifecycleCommandResult,
  type LifecycleCommandResult,
} from '../runtime/lifecycle-command-result';
import { TenderViews } from '../runtime/tender-views';
import {
  DecideContractCommand,
  GetContractQuery,
  type ContractDecision,
} from './contract.commands';

@CommandHandler(DecideContractCommand)
export class DecideContractHandler implements ICommandHandler<DecideContractCommand> {
  constructor(
    private readonly views: TenderViews,
    private readonly config: AppConfig,
  ) {}

  async execute({
    context,
    tenderId,
    decision,
  }: DecideContractCommand): Promise<LifecycleCommandResult> {
    const command = this.withThresholds(decision, { actor: context.actor, now: context.now });
    const outcome = await this.views.executeOnTender(tenderId, context, (view) =>
      decideContract(command, view),
    );
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }

  private withThresholds(
    decision: ContractDecision,
    base: { actor: Actor; now: Date },
  ): ContractCommand {
    switch (decision.type) {
      case 'ConcludeContract':
        return { ...decision, ...base, rules: this.config.contracts };
      case 'ApproveContractChange':
        return {
          ...decision,
          ...base,
          thresholds: this.config.contractChanges,
          standstillRules: this.config.standstill,
        };
      default:
        return { ...decision, ...base };
    }
  }
}

/** The contract's own red flags, computed from the same fold the deciders use. */
const CONTRACT_FLAG_CODES = new Set([
  'FT-CONTRACT-CHANGE',
  'FT-PERFORMANCE-OVERDUE',
  'FT-AUDIT-CHECKPOINT',
]);

/**
 * The contract view of a tender (issue 15), folded from the event store on request like the
 * deciders' view: the contract, its changes, KPIs and periods, audit plans and reviews, and the
 * contract's red flags (those across tenders, such as FT-EXTENSION-DURING-RETENDER, are in the
 * integrity report). Public facts once contracted: any signed-in role may read it.
 */
@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery> {
  constructor(
    private readonly views: TenderViews,
    private readonly config: AppConfig,
  ) {}

  async execute({ tenderId }: GetContractQuery) {
    const view = await this.views.load(tenderId);
    const contract = contractView(view.tender);
    if (!view.tender.tenderId) throw tenderNotFound(tenderId);
    if (!contract) {
      throw new DomainError('CONTRACT_NOT_FOUND', `Tender ${tenderId} has no concluded contract`, {
        stage: view.tender.stage,
      });
    }
    const changes: RecordedChangeFlags[] = Object.values(view.tender.contract!.changes)
      .filter((change) => change.approvedBy && change.approvedAt)
      .map((change) => ({
        changeId: change.changeId,
        approvedAt: change.approvedAt!,
        approvedBy: change.approvedBy!,
        redFlags: change.redFlags ?? [],
      }));
    const redFlags = integrityReport(view, this.config.integrity, {
      contractChanges: changes,
    }).redFlags.filter((flag) => CONTRACT_FLAG_CODES.has(flag.code));
    return { ...contract, redFlags };
  }
}

export const CONTRACT_COMMAND_HANDLERS = [DecideContractHandler, GetContractHandler];
