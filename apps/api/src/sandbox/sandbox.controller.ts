import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { CurrentActor, Roles } from '@fairtender/auth';
import { ROLES, type Actor } from '@fairtender/domain';
import { ApiErrors } from '../http/api-errors';
import { SandboxClock } from './sandbox-clock';

export class MoveClockDto {
  @ApiPropertyOptional({ description: 'Move forward by this many seconds', example: 2_592_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10 * 366 * 24 * 3600)
  advanceBySeconds?: number;

  @ApiPropertyOptional({
    description: 'Or move to this instant (later than the clock reads)',
    format: 'date-time',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;
}

export class ClockReadingDto {
  @ApiProperty({ format: 'date-time' }) now!: string;
  @ApiProperty({ description: 'How far ahead of real time the sandbox clock reads' })
  offsetSeconds!: number;
}

export class ClockMovedDto extends ClockReadingDto {
  @ApiProperty({ description: 'Position of the SandboxClockMoved event', example: '812-3' })
  position!: string;
}

/** The sandbox clock (outside production only): read it, move it forward. */
@ApiTags('sandbox')
@ApiBearerAuth()
@Controller('sandbox/clock')
export class SandboxController {
  constructor(private readonly sandbox: SandboxClock) {}

  @Get()
  @Roles(...ROLES)
  @ApiErrors('SANDBOX_DISABLED')
  @ApiOperation({ operationId: 'getSandboxClock', summary: 'What the sandbox clock reads' })
  @ApiOkResponse({ type: ClockReadingDto })
  read(): ClockReadingDto {
    return this.sandbox.read();
  }

  @Post()
  @HttpCode(200)
  @Roles(...ROLES)
  @ApiErrors('SANDBOX_DISABLED', 'CLOCK_NOT_FORWARD', 'VALIDATION_FAILED')
  @ApiOperation({
    operationId: 'moveSandboxClock',
    summary:
      'Move the sandbox clock forward (any role; refused with SANDBOX_DISABLED in production); recorded as SandboxClockMoved',
  })
  @ApiOkResponse({ type: ClockMovedDto })
  move(@CurrentActor() actor: Actor, @Body() body: MoveClockDto): Promise<ClockMovedDto> {
    return this.sandbox.move(actor, { to: body.to, seconds: body.advanceBySeconds });
  }
}
