import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
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
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { RegisterDto } from '../people/dto/register.dto.js';
import { type AuthUser, CurrentUser, Public } from './auth.decorators.js';
import { AuthTokensResponse, ErrorResponse, LoginDto, LogoutDto, RefreshDto } from './dto/auth.dto.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AuthService) {}

  @Public()
  @Post('register')
  @ApiOperation({ summary: 'Register as a learner; returns tokens for the new session' })
  @ApiCreatedResponse({ type: AuthTokensResponse })
  @ApiBadRequestResponse({
    type: ErrorResponse,
    description:
      'VALIDATION_FAILED, CONTACT_REQUIRED, BIRTH_DATE_INVALID, ID_NUMBER_MISMATCH, TOWNSHIP_UNKNOWN, VILLAGE_UNKNOWN',
  })
  @ApiConflictResponse({ type: ErrorResponse, description: 'ACCOUNT_EXISTS or ID_NUMBER_TAKEN' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse })
  register(@Body() dto: RegisterDto, @Req() req: Request): Promise<AuthTokensResponse> {
    return this.accounts.register(dto, req.ip ?? 'unknown');
  }

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a mobile number or e-mail address and a password' })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AuthTokensResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'AUTH_INVALID_CREDENTIALS' })
  @ApiForbiddenResponse({ type: ErrorResponse, description: 'AUTH_ACCOUNT_DISABLED' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'RATE_LIMITED after repeated failures' })
  login(@Body() _dto: LoginDto, @Req() req: Request): Promise<AuthTokensResponse> {
    return this.accounts.login((req.user as { id: string }).id);
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
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its access and refresh tokens stop working at once' })
  @ApiNoContentResponse()
  logout(@CurrentUser() user: AuthUser, @Body() dto: LogoutDto): Promise<void> {
    return this.accounts.logout(user, dto.refreshToken);
  }
}
