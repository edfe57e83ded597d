import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { CredentialsService } from '../credentials/credentials.service.js';
import { PdfRetryService } from '../credentials/pdf-retry.service.js';
import { HealthModule } from '../health/health.module.js';
import { EnrolmentModule } from '../enrolment/enrolment.module.js';
import { BaselinesService } from '../indicators/baselines.service.js';
import { IndicatorsModule } from '../indicators/indicators.module.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { RosterImportService } from '../enrolment/roster-import.service.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ClassRemindersService } from '../notifications/class-reminders.service.js';
import { PeopleModule } from '../people/people.module.js';
import { PiiRotationService } from '../people/pii-rotation.service.js';
import { JobName } from './job.constants.js';
import { MaintenanceService } from './maintenance.service.js';
import { OutboxRelayService } from './outbox-relay.service.js';
import { JOB_HANDLERS, type JobHandlers, WorkerService } from './worker.service.js';

/** The consumer side: job handlers and the outbox relay. Loaded by the worker entry point, or in-process. */
@Module({
  imports: [
    PeopleModule,
    NotificationsModule,
    CredentialsModule,
    EnrolmentModule,
    IndicatorsModule,
    HealthModule,
  ],
  providers: [
    WorkerService,
    OutboxRelayService,
    MaintenanceService,
    {
      provide: JOB_HANDLERS,
      inject: [
        NotificationsService,
        CredentialsService,
        RosterImportService,
        MaintenanceService,
        BaselinesService,
        IndicatorsService,
        PdfRetryService,
        ClassRemindersService,
        PiiRotationService,
      ],
      useFactory: (
        notifications: NotificationsService,
        credentials: CredentialsService,
        imports: RosterImportService,
        maintenance: MaintenanceService,
        baselines: BaselinesService,
        indicators: IndicatorsService,
        pdfRetry: PdfRetryService,
        reminders: ClassRemindersService,
        piiRotation: PiiRotationService,
      ): JobHandlers => ({
        [JobName.WelcomeNotification]: ({ userId }) => notifications.deliverWelcome(userId),
        [JobName.CertificatePdf]: ({ certificateId }) => credentials.renderCertificate(certificateId),
        [JobName.RosterImport]: ({ importId }) => imports.run(importId),
        [JobName.PruneRateLimits]: async () => {
          await maintenance.pruneRateLimits();
        },
        [JobName.BaselineImport]: ({ baselineId }) => baselines.run(baselineId),
        [JobName.RecomputeIndicators]: async () => {
          await indicators.recomputeAll();
        },
        [JobName.RetryCertificatePdfs]: async () => {
          await pdfRetry.retryStalled();
        },
        [JobName.ClassReminders]: async () => {
          await reminders.remindTomorrow();
        },
        [JobName.ClassReminderSms]: ({ reminderId }) => reminders.sendSms(reminderId),
        [JobName.RotatePiiKeys]: ({ rotationId }) => piiRotation.run(rotationId),
      }),
    },
  ],
  exports: [OutboxRelayService],
})
export class WorkerModule {}
