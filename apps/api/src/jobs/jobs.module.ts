import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OutboxService } from './outbox.service.js';
import { QueueAdminController } from './queue-admin.controller.js';
import { QueueAdminService } from './queue-admin.service.js';
import { QueueService } from './queue.service.js';

/** Producers: every process can record jobs in the outbox and reach the queues (health, metrics, the admin page). */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [QueueAdminController],
  providers: [OutboxService, QueueService, QueueAdminService],
  exports: [OutboxService, QueueService],
})
export class JobsModule {}
