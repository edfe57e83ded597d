import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { CatalogueController } from './catalogue.controller.js';
import { CatalogueService } from './catalogue.service.js';
import { CoursesService } from './courses.service.js';
import { LessonsSessionsController } from './lessons-sessions.controller.js';
import { LessonsService } from './lessons.service.js';
import { OfferAccess } from './offer-access.service.js';
import { OfferController } from './offer.controller.js';
import { ProgrammesService } from './programmes.service.js';
import { SessionsService } from './sessions.service.js';
import { DemandController } from './demand/demand.controller.js';
import { DemandService } from './demand/demand.service.js';
import { SynonymsController } from './search/synonyms.controller.js';
import { SynonymsService } from './search/synonyms.service.js';

@Module({
  imports: [GeoModule, NotificationsModule],
  controllers: [
    CatalogueController,
    OfferController,
    LessonsSessionsController,
    SynonymsController,
    DemandController,
  ],
  providers: [
    OfferAccess,
    ProgrammesService,
    CoursesService,
    LessonsService,
    SessionsService,
    CatalogueService,
    SynonymsService,
    DemandService,
  ],
  exports: [OfferAccess],
})
export class CatalogueModule {}
