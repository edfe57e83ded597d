import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { EnterprisesController } from './enterprises.controller.js';
import { EnterprisesService } from './enterprises.service.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsService } from './invitations.service.js';
import { ProvidersController } from './providers.controller.js';
import { ProvidersService } from './providers.service.js';

@Module({
  imports: [GeoModule, NotificationsModule],
  controllers: [ProvidersController, InvitationsController, EnterprisesController],
  providers: [ProvidersService, InvitationsService, EnterprisesService],
})
export class OrganisationsModule {}
