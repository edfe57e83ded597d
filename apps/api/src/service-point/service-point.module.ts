import { Module } from '@nestjs/common';
import { GeoModule } from '../geo/geo.module.js';
import { PeopleModule } from '../people/people.module.js';
import { ServicePointController } from './service-point.controller.js';
import { ServicePointService } from './service-point.service.js';

/** Township service points: designated staff, consent in person, managed accounts, in-person reset codes. */
@Module({
  imports: [PeopleModule, GeoModule],
  controllers: [ServicePointController],
  providers: [ServicePointService],
})
export class ServicePointModule {}
