import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialVerifierService } from './credential-verifier.service.js';
import { CredentialsService } from './credentials.service.js';
import { OpenBadgesController } from './open-badges.controller.js';
import { OpenBadgesService } from './open-badges.service.js';
import { RevocationService } from './revocation.service.js';
import { PdfRetryService } from './pdf-retry.service.js';
import { RecordsExportController } from './records-export.controller.js';
import { RecordsExportService } from './records-export.service.js';

@Module({
  imports: [NotificationsModule],
  controllers: [CredentialsController, RecordsExportController, OpenBadgesController],
  providers: [
    CredentialsService,
    RecordsExportService,
    OpenBadgesService,
    CredentialVerifierService,
    RevocationService,
    PdfRetryService,
  ],
  exports: [CredentialsService, OpenBadgesService, PdfRetryService],
})
export class CredentialsModule {}
