import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';
import { MyDataService } from './my-data.service.js';

/** The privacy notice, consents by version (PIPL), and later a resident's own data. */
@Module({ controllers: [PrivacyController], providers: [PrivacyService, MyDataService] })
export class PrivacyModule {}
