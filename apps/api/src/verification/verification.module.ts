import { Global, Module } from '@nestjs/common';
import { RateLimitService } from '../auth/rate-limit.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DevSmsGateway } from './dev-sms.gateway.js';
import { HttpSmsGateway } from './http-sms.gateway.js';
import { SMS_GATEWAY, type SmsGateway } from './sms.gateway.js';
import { VerificationController } from './verification.controller.js';
import { VerificationService } from './verification.service.js';

function gatewayFor(config: AppConfig): SmsGateway {
  const sms = config.sms;
  switch (sms.gateway) {
    case 'dev':
      return new DevSmsGateway();
    case 'http':
      return new HttpSmsGateway(sms.url, sms.token, sms.timeoutMs);
  }
}

/** One-time codes by SMS and the rate limits they share with sign-in. */
@Global()
@Module({
  controllers: [VerificationController],
  providers: [
    RateLimitService,
    VerificationService,
    { provide: SMS_GATEWAY, inject: [APP_CONFIG], useFactory: gatewayFor },
  ],
  exports: [RateLimitService, VerificationService, SMS_GATEWAY],
})
export class VerificationModule {}
