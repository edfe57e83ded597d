import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { Role } from '@cll/domain';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiProduces,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiTooManyRequestsResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import { EnrolDto, EnrolmentResponse } from './dto/enrolment.dto.js';
import {
  ProxyEnrolDto,
  RosterImportDto,
  RosterImportResponse,
  StaffEnrolDto,
} from './dto/enrolment-others.dto.js';
import { EnrolmentService } from './enrolment.service.js';
import { RosterImportService } from './roster-import.service.js';

@ApiTags('enrolment')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REQUIRED or AUTH_TOKEN_INVALID' })
@Controller()
export class EnrolmentController {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly imports: RosterImportService,
  ) {}

  @Post('enrolments')
  @ApiOperation({ summary: 'Enrol in a session; a full session puts me on its waitlist' })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'No such session in the catalogue' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ENROLMENT_DUPLICATE' })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponse,
    description: 'ENROLMENT_CLOSED, ENROLMENT_AGE_NOT_ALLOWED, LEARNER_PROFILE_REQUIRED',
  })
  enrol(@CurrentUser() user: AuthUser, @Body() dto: EnrolDto): Promise<EnrolmentResponse> {
    return this.enrolments.enrolSelf(user, dto.sessionId);
  }

  @Get('me/enrolments')
  @ApiOperation({ summary: 'My enrolments, with waitlist positions' })
  @ApiOkResponse({ type: [EnrolmentResponse] })
  mine(@CurrentUser() user: AuthUser): Promise<EnrolmentResponse[]> {
    return this.enrolments.mine(user);
  }

  @Post('sessions/:sessionId/enrolments')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @ApiOperation({ summary: 'Provider staff enrol a registered learner by mobile number' })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'LEARNER_NOT_FOUND, or not my session' })
  enrolByStaff(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: StaffEnrolDto,
  ): Promise<EnrolmentResponse> {
    return this.enrolments.enrolByStaff(user, sessionId, dto.mobile);
  }

  @Post('proxy/enrolments')
  @ApiOperation({
    summary:
      'Enrol a resident on their behalf (family member or village worker), within a relationship the resident confirmed',
  })
  @ApiCreatedResponse({ type: EnrolmentResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED (consent), TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN',
  })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'LEARNER_NOT_FOUND: consent confirmed, but no account yet and no newLearner',
  })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description:
      'PROXY_CONSENT_REQUIRED: no live relationship the resident confirmed (whether or not the number is known)',
  })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'RATE_LIMITED: too many proxy actions this hour',
  })
  enrolByProxy(@CurrentUser() user: AuthUser, @Body() dto: ProxyEnrolDto): Promise<EnrolmentResponse> {
    return this.enrolments.enrolByProxy(user, dto);
  }

  @Post('sessions/:sessionId/roster-imports')
  @HttpCode(202)
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @ApiOperation({ summary: 'Upload a roster CSV (mobile,name); a background job enrols row by row' })
  @ApiAcceptedResponse({ type: RosterImportResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'IMPORT_CSV_INVALID' })
  importRoster(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() dto: RosterImportDto,
  ): Promise<RosterImportResponse> {
    return this.imports.start(user, sessionId, dto.csv);
  }

  @Get('roster-imports/:id')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @ApiOperation({ summary: 'Progress of a roster import and its rejected rows' })
  @ApiOkResponse({ type: RosterImportResponse })
  async importStatus(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RosterImportResponse> {
    const { rejectedCsv: _csv, ...status } = await this.imports.get(user, id);
    return status;
  }

  @Get('roster-imports/:id/rejected.csv')
  @Roles(Role.ProviderStaff, Role.ProviderAdmin)
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The rejected rows of a roster import, as CSV' })
  @ApiOkResponse({ description: 'CSV', schema: { type: 'string' } })
  async rejectedCsv(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const { rejectedCsv } = await this.imports.get(user, id);
    res
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="rejected-${id}.csv"`)
      .send('\uFEFF' + rejectedCsv);
  }

  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw; my seat goes at once to the first learner on the waitlist' })
  @ApiOkResponse({ type: EnrolmentResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ENROLMENT_STATE_INVALID' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrolmentResponse> {
    return this.enrolments.withdraw(user, id);
  }
}
