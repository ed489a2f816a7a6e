import { Module } from '@nestjs/common';
import { ContractController } from './contract.controller';
import { CONTRACT_COMMAND_HANDLERS } from './contract.handlers';

/** The contract and its changes, concluded after a standstill without an open challenge. */
@Module({ controllers: [ContractController], providers: [...CONTRACT_COMMAND_HANDLERS] })
export class ContractApiModule {}
