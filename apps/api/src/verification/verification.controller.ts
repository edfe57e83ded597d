import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@cll/domain';
import { IsOptional, Matches } from 'class-validator';
import { Public } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { DomainException } from '../common/domain.exception.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DevSmsGateway } from './dev-sms.gateway.js';
import { SMS_GATEWAY, type SmsGateway } from './sms.gateway.js';

export class DevSmsQuery {
  @IsOptional()
  @Matches(/^1\d{10}$/)
  mobile?: string;
}

export class DevSmsMessageResponse {
  @ApiProperty() mobile: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
}

@ApiTags('development')
@Controller('dev')
export class VerificationController {
  constructor(
    @Inject(SMS_GATEWAY) private readonly gateway: SmsGateway,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('sms')
  @ApiOperation({
    summary:
      'Development only: the text messages the development SMS gateway "sent" (404 with a real gateway)',
  })
  @ApiOkResponse({ type: [DevSmsMessageResponse] })
  @ApiNotFoundResponse({ type: ErrorResponse })
  list(@Query() query: DevSmsQuery): DevSmsMessageResponse[] {
    if (this.config.nodeEnv === 'production' || !(this.gateway instanceof DevSmsGateway))
      throw new DomainException(ErrorCode.NotFound, 'Not found.');
    return this.gateway.list(query.mobile);
  }
}
