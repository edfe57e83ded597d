import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { EnrolmentModule } from '../enrolment/enrolment.module.js';
import { RosterImportService } from '../enrolment/roster-import.service.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { JobName } from './job.constants.js';
import { MaintenanceService } from './maintenance.service.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { JOB_HANDLERS, type JobHandlers, WorkerService } from './worker.service.js';

/** The consumer side: job handlers and the outbox relay. Loaded by the worker entry point, or in-process. */
@Module({
  imports: [NotificationsModule, CredentialsModule, EnrolmentModule],
  providers: [
    WorkerService,
    OutboxRelayService,
    MaintenanceService,
    {
      provide: JOB_HANDLERS,
      inject: [NotificationsService, CredentialsService, RosterImportService, MaintenanceService],
      useFactory: (
        notifications: NotificationsService,
        credentials: CredentialsService,
        imports: RosterImportService,
        maintenance: MaintenanceService,
      ): JobHandlers => ({
        [JobName.WelcomeNotification]: ({ userId }) => notifications.deliverWelcome(userId),
        [JobName.CertificatePdf]: ({ certificateId }) => credentials.renderCertificate(certificateId),
        [JobName.RosterImport]: ({ importId }) => imports.run(importId),
        [JobName.PruneRateLimits]: async () => {
          await maintenance.pruneRateLimits();
        },
      }),
    },
  ],
  exports: [OutboxRelayService],
})
export class WorkerModule {}
