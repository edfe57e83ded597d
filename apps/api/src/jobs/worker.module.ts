import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobName } from './job.constants.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { JOB_HANDLERS, type JobHandlers, WorkerService } from './worker.service.js';

/** The consumer side: job handlers and the outbox relay. Loaded by the worker entry point, or in-process. */
@Module({
  imports: [NotificationsModule],
  providers: [
    WorkerService,
    OutboxRelayService,
    {
      provide: JOB_HANDLERS,
      inject: [NotificationsService],
      useFactory: (notifications: NotificationsService): JobHandlers => ({
        [JobName.WelcomeNotification]: ({ userId }) => notifications.deliverWelcome(userId),
      }),
    },
  ],
  exports: [OutboxRelayService],
})
export class WorkerModule {}
