import { Module } from '@nestjs/common';

/** Legal replay for `legal` and `auditor`: history, state at a moment, verify, evidence bundles (issue 6). */
@Module({})
export class LegalApiModule {}
