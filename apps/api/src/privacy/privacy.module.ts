import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';
import { MyDataService } from './my-data.service.js';
import { AccountClosureController } from './account-closure.controller.js';
import { AccountClosureService } from './account-closure.service.js';

/** The privacy notice, consents by version (PIPL), a resident's own data and closing the account. */
@Module({
  imports: [AuthModule],
  controllers: [PrivacyController, AccountClosureController],
  providers: [PrivacyService, MyDataService, AccountClosureService],
})
export class PrivacyModule {}
