import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';
import { QueueDashboardController } from './queue-dashboard.controller.js';
import { QueueService } from './queue.service.js';

/** Producers: every process can record jobs in the outbox and reach the queues (health, metrics, dashboard). */
@Global()
@Module({
  controllers: [QueueDashboardController],
  providers: [OutboxService, QueueService],
  exports: [OutboxService, QueueService],
})
export class JobsModule {}
