import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { RegisterDto } from '../people/dto/register.dto.js';
import { type AuthUser, CurrentUser, MfaExempt, Public } from './auth.decorators.js';
import {
  AuthTokensResponse,
  ErrorResponse,
  LoginDto,
  LogoutDto,
  RefreshDto,
  StepUpDto,
  ChallengeResponse,
  PasswordResetCodeDto,
  PasswordResetDto,
  RegistrationOptionsResponse,
} from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { AuthService } from './auth.service.js';
import { RecoveryService } from './recovery.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly accounts: AuthService,
    private readonly recovery: RecoveryService,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Register as a learner; returns tokens for the new session' })
  @ApiCreatedResponse({ type: AuthTokensResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED, CONTACT_REQUIRED, BIRTH_DATE_INVALID, ID_NUMBER_MISMATCH, ID_NUMBER_CONSENT_REQUIRED, TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN, ' +
      'CODE_REQUIRED, CODE_INVALID, CODE_EXPIRED, MOBILE_REQUIRED (e-mail only where codes are required)',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ACCOUNT_EXISTS, ID_NUMBER_TAKEN or CODE_USED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  register(@Body() dto: RegisterDto, @Req() req: Request): Promise<AuthTokensResponse> {
    return this.accounts.register(dto, req.ip ?? 'unknown');
  }

  @Public()
  @Get('registration-options')
  @ApiOperation({ summary: 'Whether registering with a mobile needs a texted code' })
  @ApiOkResponse({ type: RegistrationOptionsResponse })
  registrationOptions(): RegistrationOptionsResponse {
    return this.accounts.registrationOptions();
  }

  @Public()
  @Post('register/code')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Text a registration code to the mobile; the same answer whether or not it has an account (its owner is told)',
  })
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED per number and per address' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'SMS_UNAVAILABLE' })
  requestRegistrationCode(
    @Body() dto: PasswordResetCodeDto,
    @Req() req: Request,
  ): Promise<ChallengeResponse> {
    return this.accounts.requestRegistrationCode(dto.mobile, req.ip ?? 'unknown');
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a mobile number or e-mail address and a password' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiUnauthorizedResponse({
    type: ErrorResponse,
    description:
      'AUTH_INVALID_CREDENTIALS; or AUTH_STEP_UP_REQUIRED (right password while the account is sprayed from many ' +
      'addresses: a code was texted, answer it at /auth/login/step-up with challengeId)',
  })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'AUTH_ACCOUNT_DISABLED' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description:
      'RATE_LIMITED: this address failed on this account too often (the wait doubles), or on many accounts',
  })
  @ApiServiceUnavailableResponse({
    type: ErrorResponse,
    description: 'SMS_UNAVAILABLE: the step-up code could not be sent',
  })
  login(@Body() _dto: LoginDto, @Req() req: Request): Promise<AuthTokensResponse> {
    return this.accounts.login((req.user as { id: string }).id);
  }

  @Public()
  @Post('login/step-up')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish a sign-in that asked for an SMS code (AUTH_STEP_UP_REQUIRED)' })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'CODE_INVALID or CODE_EXPIRED' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CODE_USED' })
  @ApiTooManyRequestsResponse({
    type: ErrorResponse,
    description: 'CODE_ATTEMPTS_EXHAUSTED after 5 wrong codes',
  })
  stepUp(@Body() dto: StepUpDto): Promise<AuthTokensResponse> {
    return this.accounts.stepUp(dto.challengeId, dto.code);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)' })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_REFRESH_INVALID' })
  refresh(@Body() dto: RefreshDto): Promise<AuthTokensResponse> {
    return this.accounts.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @MfaExempt()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  @ApiNoContentResponse()
  logout(@CurrentUser() user: AuthUser, @Body() dto: LogoutDto): Promise<void> {
    return this.accounts.logout(user, dto.refreshToken);
  }

  @Public()
  @Post('password-reset/code')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Forgot password: text a reset code to the mobile (the same answer whether or not it has an account)',
  })
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED per number and per address' })
  @ApiServiceUnavailableResponse({ type: ErrorResponse, description: 'SMS_UNAVAILABLE' })
  requestPasswordReset(@Body() dto: PasswordResetCodeDto, @Req() req: Request): Promise<ChallengeResponse> {
    return this.recovery.requestCode(dto.mobile, req.ip ?? 'unknown');
  }

  @Public()
  @Post('password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password with the texted code; ends every other session; signs in' })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description: 'VALIDATION_FAILED (password), CODE_INVALID, CODE_EXPIRED',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CODE_USED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'CODE_ATTEMPTS_EXHAUSTED' })
  resetPassword(@Body() dto: PasswordResetDto): Promise<AuthTokensResponse> {
    return this.recovery.reset(dto);
  }
}
