import { Module } from '@nestjs/common';
import { AttainmentController } from './attainment.controller.js';
import { AttainmentService } from './attainment.service.js';

@Module({
  controllers: [AttainmentController],
  providers: [AttainmentService],
})
export class AttainmentModule {}
