import { Module } from '@nestjs/common';
import { BaselinesController } from './baselines.controller.js';
import { BaselinesService } from './baselines.service.js';
import { DataQualityController } from './data-quality.controller.js';
import { DataQualityService } from './data-quality.service.js';
import { IndicatorEngine } from './indicator-engine.js';
import { IndicatorReportsService } from './indicator-reports.service.js';
import { IndicatorsController } from './indicators.controller.js';
import { IndicatorsService } from './indicators.service.js';

@Module({
  controllers: [IndicatorsController, BaselinesController, DataQualityController],
  providers: [
    IndicatorEngine,
    IndicatorsService,
    IndicatorReportsService,
    BaselinesService,
    DataQualityService,
  ],
  exports: [IndicatorsService, BaselinesService],
})
export class IndicatorsModule {}
