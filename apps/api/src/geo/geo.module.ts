import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GeoController } from './geo.controller.js';
import { Township, Village } from './geo.entities.js';
import { GeoService } from './geo.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Township, Village])],
  controllers: [GeoController],
  providers: [GeoService],
  exports: [GeoService],
})
export class GeoModule {}
