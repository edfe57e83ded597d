import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ProxyModule } from '../proxy/proxy.module.js';
import { RosterImportService } from './roster-import.service.js';
import { EnrolmentController } from './enrolment.controller.js';
import { EnrolmentService } from './enrolment.service.js';

@Module({
  imports: [NotificationsModule, CatalogueModule, PeopleModule, ProxyModule],
  controllers: [EnrolmentController],
  providers: [EnrolmentService, RosterImportService],
  exports: [EnrolmentService, RosterImportService],
})
export class EnrolmentModule {}
