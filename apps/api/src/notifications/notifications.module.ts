import { Module } from '@nestjs/common';

/** Suppliers' webhooks and their delivery log (issue 5). */
@Module({})
export class NotificationsApiModule {}
