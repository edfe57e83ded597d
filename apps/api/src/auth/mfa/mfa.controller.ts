import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Role } from '@cll/domain';
import { ErrorResponse } from '../../common/error-response.dto.js';
import { type AuthUser, CurrentUser, MfaExempt, Roles } from '../auth.decorators.js';
import { SessionsService } from '../sessions.service.js';
import {
  MfaEnrolmentResponse,
  MfaResetDto,
  MfaResetResponse,
  MfaStatusResponse,
  MfaVerifiedResponse,
  MfaVerifyDto,
  RecoveryCodesResponse,
  AuthSessionResponse,
  AuthSessionsEndedResponse,
  TotpCodeDto,
} from './mfa.dto.js';
import { StepUp } from './mfa-policy.js';
import { MfaService } from './mfa.service.js';

const CODE_ERRORS = 'MFA_CODE_INVALID (wrong code, or not a 6-digit code: VALIDATION_FAILED)';

@ApiTags('auth')
@ApiBearerAuth()
@Controller()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly sessions: SessionsService,
  ) {}

  @Get('auth/mfa')
  @MfaExempt()
  @ApiOperation({
    summary: 'Second factor of my account and this session (needed, set up, passed, step-up fresh)',
  })
  @ApiOkResponse({ type: MfaStatusResponse })
  status(@CurrentUser() user: AuthUser): Promise<MfaStatusResponse> {
    return this.mfa.status(user);
  }

  @Post('auth/mfa/enrolment')
  @MfaExempt()
  @ApiOperation({
    summary:
      'Start setting up an authenticator app: a new secret as QR code and otpauth URI (not yet in force)',
  })
  @ApiCreatedResponse({ type: MfaEnrolmentResponse })
  @ApiConflictResponse({
    type: ErrorResponse,
    description:
      'MFA_ALREADY_ENROLLED: a confirmed authenticator exists (a bureau administrator can reset it)',
  })
  startEnrolment(@CurrentUser() user: AuthUser): Promise<MfaEnrolmentResponse> {
    return this.mfa.startEnrolment(user);
  }

  @Post('auth/mfa/enrolment/confirm')
  @HttpCode(200)
  @MfaExempt()
  @ApiOperation({
    summary:
      'Confirm the authenticator with its first code: it is in force, this session passes, and ten one-time ' +
      'recovery codes are shown (only now)',
  })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: CODE_ERRORS })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'MFA_NOT_ENROLLED (start first) or MFA_ALREADY_ENROLLED',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED: too many wrong codes' })
  confirmEnrolment(@CurrentUser() user: AuthUser, @Body() dto: TotpCodeDto): Promise<RecoveryCodesResponse> {
    return this.mfa.confirmEnrolment(user, dto.code);
  }

  @Post('auth/mfa/verify')
  @HttpCode(200)
  @MfaExempt()
  @ApiOperation({
    summary:
      'Enter the authenticator code (or a recovery code): finishes signing in, and covers the weightiest ' +
      'actions for a few minutes (step-up)',
  })
  @ApiOkResponse({ type: MfaVerifiedResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: CODE_ERRORS })
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'MFA_CODE_USED (this code or recovery code was already accepted); MFA_NOT_ENROLLED',
  })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED: too many wrong codes' })
  verify(@CurrentUser() user: AuthUser, @Body() dto: MfaVerifyDto): Promise<MfaVerifiedResponse> {
    return this.mfa.verify(user, dto);
  }

  @Post('auth/mfa/recovery-codes')
  @HttpCode(200)
  @StepUp('MFA_REQUIRED')
  @ApiOperation({ summary: 'New recovery codes (the old ones stop working); needs a fresh code (step-up)' })
  @ApiOkResponse({ type: RecoveryCodesResponse })
  renewRecoveryCodes(@CurrentUser() user: AuthUser): Promise<RecoveryCodesResponse> {
    return this.mfa.regenerateRecoveryCodes(user);
  }

  @Post('admin/mfa-resets')
  @HttpCode(200)
  @Roles(Role.BureauAdmin)
  @StepUp('FORBIDDEN: not a bureau administrator; MFA_RESET_OWN: never one’s own')
  @ApiOperation({
    summary:
      'A staff member lost their phone: remove their authenticator and end their sessions (bureau administrator; ' +
      'never one’s own; audited)',
  })
  @ApiOkResponse({ type: MfaResetResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: no account has this mobile' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'MFA_NOT_ENROLLED: nothing to reset' })
  reset(@CurrentUser() user: AuthUser, @Body() dto: MfaResetDto): Promise<MfaResetResponse> {
    return this.mfa.reset(user, dto.mobile);
  }

  @Get('auth/sessions')
  @ApiOperation({ summary: 'My signed-in devices: device, coarse place, first and last use' })
  @ApiOkResponse({ type: [AuthSessionResponse] })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'MFA_REQUIRED' })
  listSessions(@CurrentUser() user: AuthUser): Promise<AuthSessionResponse[]> {
    return this.sessions.list(user);
  }

  @Post('auth/sessions/:id/end')
  @HttpCode(204)
  @ApiOperation({ summary: 'End one of my sessions: its tokens stop working at once' })
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'MFA_REQUIRED' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'NOT_FOUND: not my session, or already ended' })
  endSession(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.sessions.end(user, id);
  }

  @Post('auth/sessions/end-others')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out on every other device' })
  @ApiOkResponse({ type: AuthSessionsEndedResponse })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'MFA_REQUIRED' })
  endOtherSessions(@CurrentUser() user: AuthUser): Promise<AuthSessionsEndedResponse> {
    return this.sessions.endOthers(user);
  }
}
