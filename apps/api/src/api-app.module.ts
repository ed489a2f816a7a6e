import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApiHealthController } from './api-health.controller';
import { ApiModule } from './api.module';

@Module({
  imports: [ApiModule, TerminusModule],
  controllers: [ApiHealthController],
})
export class ApiAppModule {}
