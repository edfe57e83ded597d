import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module.js';
import { MeQuery } from './me.query.js';
import { PeopleController } from './people.controller.js';
import { PeopleService } from './people.service.js';
import { PiiService } from './pii.service.js';
import { PiiRotationController } from './pii-rotation.controller.js';
import { PiiRotationService } from './pii-rotation.service.js';

@Module({
  imports: [GeoModule],
  controllers: [PeopleController, PiiRotationController],
  providers: [PeopleService, PiiService, MeQuery, PiiRotationService],
  exports: [PeopleService, PiiService, PiiRotationService],
})
export class PeopleModule {}
