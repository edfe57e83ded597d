import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module.js';
import { MeQuery } from './me.query.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { PiiService } from './pii.service.js';

@Module({
  imports: [GeoModule],
  controllers: [PeopleController],
  providers: [PeopleService, PiiService, MeQuery],
  exports: [PeopleService, PiiService],
})
export class PeopleModule {}
