import { Module } from '@nestjs/common';
import { SandboxClock } from './sandbox-clock';
import { SandboxController } from './sandbox.controller';

/** `POST /sandbox/clock`: time moved forward outside production (docs/operations.md#sandbox). */
@Module({ controllers: [SandboxController], providers: [SandboxClock] })
export class SandboxApiModule {}
