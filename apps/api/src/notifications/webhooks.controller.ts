import { Body, Controller, Delete, Get, HttpCode, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ListDeliveriesDto, RegisterWebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

/**
 * An organisation's webhook (one per organisation) and the log of what was delivered to it:
 * suppliers', and the buyer's and oversight's for the contract's missed duties (issue 15).
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('supplier', 'officer', 'auditor')
@Controller('webhook')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Put()
  @ApiOperation({
    summary:
      'Register (or replace) your webhook; the answer holds its signing secret, shown this once',
  })
  async register(
    @CurrentActor() actor: Actor,
    @Body() { url }: RegisterWebhookDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const registered = await this.webhooks.register(actor.organisationId, url);
    void reply.status(registered.replaced ? 200 : 201);
    return {
      url: registered.url,
      registeredAt: registered.registeredAt,
      secret: registered.secret,
      replaced: registered.replaced,
    };
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook (never its secret)' })
  async get(@CurrentActor() actor: Actor) {
    const { url, registeredAt } = await this.webhooks.get(actor.organisationId);
    return { url, registeredAt };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove your webhook; pending deliveries are dropped' })
  async remove(@CurrentActor() actor: Actor): Promise<void> {
    await this.webhooks.remove(actor.organisationId);
  }

  @Get('deliveries')
  @ApiOperation({
    summary: 'Every delivery attempt to your webhook, newest first: status, error, duration',
  })
  deliveries(@CurrentActor() actor: Actor, @Query() query: ListDeliveriesDto) {
    return this.webhooks.deliveries(actor.organisationId, query);
  }
}
