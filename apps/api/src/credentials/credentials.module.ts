import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { RecordsExportController } from './records-export.controller.js';
import { RecordsExportService } from './records-export.service.js';

@Module({
  imports: [NotificationsModule],
  controllers: [CredentialsController, RecordsExportController],
  providers: [CredentialsService, RecordsExportService],
  exports: [CredentialsService],
})
export class CredentialsModule {}
