import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialsService } from './credentials.service.js';
import { PdfRetryService } from './pdf-retry.service.js';
import { RecordsExportController } from './records-export.controller.js';
import { RecordsExportService } from './records-export.service.js';

@Module({
  imports: [NotificationsModule],
  controllers: [CredentialsController, RecordsExportController],
  providers: [CredentialsService, RecordsExportService, PdfRetryService],
  exports: [CredentialsService, PdfRetryService],
})
export class CredentialsModule {}
