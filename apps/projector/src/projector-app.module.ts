import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ProjectorHealthController } from './projector-health.controller';
import { ProjectorModule } from './projector.module';

@Module({
  imports: [ProjectorModule, TerminusModule],
  controllers: [ProjectorHealthController],
})
export class ProjectorAppModule {}
