import { Module } from '@nestjs/common';
import { NotificationsStoreModule } from '@fairtender/notifications';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Suppliers' webhooks and their delivery log (issue 5); the scheduler delivers. */
@Module({
  imports: [NotificationsStoreModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
})
export class NotificationsApiModule {}
