import { Body, Controller, Delete, Get, HttpCode, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ListDeliveriesDto, RegisterWebhookDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';
import { ApiErrors } from '../http/api-errors';
import { DeliveryPageDto, RegisteredWebhookDto, WebhookDto } from './dto/webhook.dto';

/** A supplier's webhook (one per organisation) and the log of what was delivered to it. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Roles('supplier')
@Controller('webhook')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'registerWebhook',

    summary:
      'Register (or replace) your webhook; the answer holds its signing secret, shown this once',
  })
  @ApiErrors('WEBHOOK_URL_NOT_ALLOWED')
  @ApiOkResponse({ type: RegisteredWebhookDto })
  async register(
    @CurrentActor() actor: Actor,
    @Body() { url }: RegisterWebhookDto,
  ): Promise<RegisteredWebhookDto> {
    // 200 whether new or replacing (issue 16): a PUT of the one webhook; `replaced` tells which.
    const registered = await this.webhooks.register(actor.organisationId, url);
    return {
      url: registered.url,
      registeredAt: registered.registeredAt,
      secret: registered.secret,
      replaced: registered.replaced,
    };
  }

  @Get()
  @ApiOperation({
    operationId: 'getWebhook',
    summary: 'Your webhook (never its secret)',
  })
  @ApiErrors('WEBHOOK_NOT_FOUND')
  @ApiOkResponse({ type: WebhookDto })
  async get(@CurrentActor() actor: Actor) {
    const { url, registeredAt } = await this.webhooks.get(actor.organisationId);
    return { url, registeredAt };
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    operationId: 'deleteWebhook',
    summary: 'Remove your webhook; pending deliveries are dropped',
  })
  @ApiErrors('WEBHOOK_NOT_FOUND')
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@CurrentActor() actor: Actor): Promise<void> {
    await this.webhooks.remove(actor.organisationId);
  }

  @Get('deliveries')
  @ApiOperation({
    operationId: 'listWebhookDeliveries',

    summary: 'Every delivery attempt to your webhook, newest first: status, error, duration',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  deliveries(@CurrentActor() actor: Actor, @Query() query: ListDeliveriesDto) {
    return this.webhooks.deliveries(actor.organisationId, query);
  }
}
