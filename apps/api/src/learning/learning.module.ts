import { CredentialsModule } from '../credentials/credentials.module.js';
import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AttendanceController } from './attendance.controller.js';
import { AttendanceService } from './attendance.service.js';
import { CompletionService } from './completion.service.js';
import { LearningController } from './learning.controller.js';
import { LearningService } from './learning.service.js';

@Module({
  imports: [CredentialsModule, NotificationsModule, CatalogueModule],
  controllers: [LearningController, AttendanceController],
  providers: [LearningService, AttendanceService, CompletionService],
  exports: [CompletionService],
})
export class LearningModule {}
