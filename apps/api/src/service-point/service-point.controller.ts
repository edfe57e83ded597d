import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { type AuthUser, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { ErrorResponse } from '../auth/dto/auth.dto.js';
import {
  DesignateStaffDto,
  InPersonConsentDto,
  InPersonConsentResponse,
  ManagedAccountDto,
  ManagedAccountResponse,
  MyServicePointResponse,
  ResetCodeRequestDto,
  ResetCodeResponse,
  StaffDesignationResponse,
} from './dto/service-point.dto.js';
import { ServicePointService } from './service-point.service.js';

const NOT_DESIGNATED =
  'SERVICE_POINT_NOT_DESIGNATED: not (or no longer) staff of that township’s service point';

@ApiTags('service-points')
@ApiBearerAuth()
@Controller('service-points')
export class ServicePointController {
  constructor(private readonly points: ServicePointService) {}

  @Get('staff')
  @Roles(Role.BureauAdmin)
  @ApiOperation({ summary: 'Designated service-point staff in the administrator’s area (each view audited)' })
  @ApiOkResponse({ type: [StaffDesignationResponse] })
  listStaff(@CurrentUser() user: AuthUser): Promise<StaffDesignationResponse[]> {
    return this.points.listStaff(user);
  }

  @Post('staff')
  @Roles(Role.BureauAdmin)
  @ApiOperation({ summary: 'Designate an account as staff of a township service point' })
  @ApiCreatedResponse({ type: StaffDesignationResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED, TOWNSHIP_UNKNOWN' })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'NOT_FOUND (no such account, or township outside your area)',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ALREADY_DESIGNATED' })
  designate(
    @CurrentUser() user: AuthUser,
    @Body() dto: DesignateStaffDto,
  ): Promise<StaffDesignationResponse> {
    return this.points.designate(user, dto);
  }

  @Post('staff/:id/withdraw')
  @HttpCode(200)
  @Roles(Role.BureauAdmin)
  @ApiOperation({
    summary: 'Withdraw a designation; takes effect at once (actions in progress finish first)',
  })
  @ApiOkResponse({ type: StaffDesignationResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND' })
  withdraw(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StaffDesignationResponse> {
    return this.points.withdraw(user, id);
  }

  @Get('mine')
  @ApiOperation({ summary: 'The service points the caller is designated staff of (empty for most accounts)' })
  @ApiOkResponse({ type: [MyServicePointResponse] })
  mine(@CurrentUser() user: AuthUser): Promise<MyServicePointResponse[]> {
    return this.points.mine(user);
  }

  @Post('reset-codes')
  @ApiOperation({
    summary:
      'After checking the resident’s ID document: a one-time code (shown once) to set a new password with at /reset-in-person',
  })
  @ApiCreatedResponse({ type: ResetCodeResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({
    type: ErrorResponse,
    description: `${NOT_DESIGNATED}; FORBIDDEN (your own account)`,
  })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'LEARNER_NOT_FOUND (no resident of the township has this ID number)',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED' })
  issueResetCode(
    @CurrentUser() user: AuthUser,
    @Body() dto: ResetCodeRequestDto,
  ): Promise<ResetCodeResponse> {
    return this.points.issueResetCode(user, dto);
  }

  @Post('proxy-consents')
  @ApiOperation({
    summary: 'Record a proxy relationship the resident consented to in person (signed form, ID checked)',
  })
  @ApiCreatedResponse({ type: InPersonConsentResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED (e.g. consentFormDate in the future)',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: NOT_DESIGNATED })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'LEARNER_NOT_FOUND, NOT_FOUND (no such proxy account)',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED' })
  recordConsent(
    @CurrentUser() user: AuthUser,
    @Body() dto: InPersonConsentDto,
  ): Promise<InPersonConsentResponse> {
    return this.points.recordConsent(user, dto);
  }

  @Post('managed-accounts')
  @ApiOperation({
    summary:
      'Register a resident without a phone of their own (or with a mobile given for them): a managed account, optionally with a proxy by signed consent',
  })
  @ApiCreatedResponse({ type: ManagedAccountResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED, BIRTH_DATE_INVALID, TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: NOT_DESIGNATED })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND (no such proxy account)' })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'ID_NUMBER_TAKEN, ACCOUNT_EXISTS (the mobile has an account)',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED' })
  registerManaged(
    @CurrentUser() user: AuthUser,
    @Body() dto: ManagedAccountDto,
  ): Promise<ManagedAccountResponse> {
    return this.points.registerManaged(user, dto);
  }
}
