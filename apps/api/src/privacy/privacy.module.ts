import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller.js';
import { PrivacyService } from './privacy.service.js';

/** The privacy notice, consents by version (PIPL), and later a resident's own data. */
@Module({ controllers: [PrivacyController], providers: [PrivacyService] })
export class PrivacyModule {}
