import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorCode } from '@cll/domain';
import { type AuthUser, CurrentUser, Public } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { DomainException } from '../common/domain.exception.js';
import { PrivacyNoticeStatus } from '../people/dto/me.response.js';
import {
  AcceptNoticeDto,
  IdNumberConsentWithdrawn,
  NoticeQuery,
  PrivacyNoticeResponse,
} from './dto/privacy.dto.js';
import { PrivacyService } from './privacy.service.js';
import { MyDataService } from './my-data.service.js';
import { MyDataExport } from './dto/my-data.dto.js';
import { CURRENT_NOTICE, PRIVACY_NOTICES } from './privacy-notice.js';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly privacy: PrivacyService,
    private readonly myData: MyDataService,
  ) {}

  @Get('privacy/notice')
  @Public()
  @ApiOperation({
    summary: 'The privacy notice (current version, or an earlier one by version), zh-CN and en',
  })
  @ApiOkResponse({ type: PrivacyNoticeResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no such version' })
  notice(@Query() query: NoticeQuery): PrivacyNoticeResponse {
    const notice = query.version ? PRIVACY_NOTICES.find((n) => n.version === query.version) : CURRENT_NOTICE;
    if (!notice) throw new DomainException(ErrorCode.NotFound, 'No such version of the privacy notice.');
    return {
      ...notice,
      current: notice.version === CURRENT_NOTICE.version,
      'zh-CN': notice['zh-CN'].map((s) => ({ ...s })),
      en: notice.en.map((s) => ({ ...s })),
      versions: PRIVACY_NOTICES.map((n) => n.version),
    };
  }

  @Get('me/data-export')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Download everything the platform holds about me, as JSON (PIPL art. 45); audited',
    description: 'The ID number is given masked; the full number is shown in person at a service point.',
  })
  @ApiOkResponse({ type: MyDataExport })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: the account is gone' })
  @Header('Content-Disposition', 'attachment; filename="my-data.json"')
  @Header('Cache-Control', 'no-store')
  dataExport(@CurrentUser() user: AuthUser): Promise<MyDataExport> {
    return this.myData.export(user);
  }

  @Post('me/id-number-consent/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Withdraw the separate consent to my ID number (PIPL art. 15): the number is erased, the consent kept with ' +
      'its withdrawal time; audited',
  })
  @ApiOkResponse({ type: IdNumberConsentWithdrawn })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'ID_NUMBER_CONSENT_NOT_GIVEN: no live consent and no ID number held',
  })
  withdrawIdNumberConsent(@CurrentUser() user: AuthUser): Promise<IdNumberConsentWithdrawn> {
    return this.privacy.withdrawIdNumberConsent(user);
  }

  @Post('me/privacy-notice')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Agree to the current privacy notice (asked again whenever it changes); audited' })
  @ApiOkResponse({ type: PrivacyNoticeStatus })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'PRIVACY_NOTICE_OUTDATED: not the current version',
  })
  accept(@CurrentUser() user: AuthUser, @Body() dto: AcceptNoticeDto): Promise<PrivacyNoticeStatus> {
    return this.privacy.acceptNotice(user, dto.version);
  }
}
