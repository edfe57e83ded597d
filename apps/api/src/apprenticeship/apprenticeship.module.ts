import { CredentialsModule } from '../credentials/credentials.module.js';
import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AgreementsReadService } from './agreements-read.service.js';
import { AgreementsService } from './agreements.service.js';
import { ApprenticeshipController } from './apprenticeship.controller.js';
import { AssessmentsService } from './assessments.service.js';
import { LifecycleService } from './lifecycle.service.js';
import { ReplayService } from './replay.service.js';
import { TrainingLogController } from './training-log.controller.js';
import { TrainingLogService } from './training-log.service.js';

@Module({
  imports: [CredentialsModule, NotificationsModule],
  controllers: [TrainingLogController, ApprenticeshipController],
  providers: [
    AgreementsService,
    AgreementsReadService,
    LifecycleService,
    AssessmentsService,
    TrainingLogService,
    ReplayService,
  ],
  exports: [ReplayService],
})
export class ApprenticeshipModule {}
