import { Global, Module } from '@nestjs/common';
import { OutboxService } from './outbox.service.js';
import { QueueService } from './queue.service.js';

/** Producers: every process can record jobs in the outbox and reach the queues (health, metrics). */
@Global()
@Module({ providers: [OutboxService, QueueService], exports: [OutboxService, QueueService] })
export class JobsModule {}
